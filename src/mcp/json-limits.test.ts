import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PolicyError } from "../errors.ts";
import { checkJsonLimits } from "./json-limits.ts";

const limits = { maxDepth: 8, maxStringLength: 16 };

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    assert.ok(err instanceof PolicyError, `expected PolicyError, got ${String(err)}`);
    return err.code;
  }
}

function nestedArrays(depth: number): unknown {
  // Built through JSON.parse, as the gateway sees it (V8's JSON parser is iterative).
  return JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`);
}

// Reference: recursive depth of containers (message object = 1), only used on small values.
function depthOf(v: unknown): number {
  if (typeof v !== "object" || v === null) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + children.reduce<number>((m, c) => Math.max(m, depthOf(c)), 0);
}

describe("checkJsonLimits", () => {
  it("accepts a message within limits", () => {
    const msg = {
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "x", arguments: { a: [1, { b: "c" }] } },
    };
    assert.equal(
      codeOf(() => checkJsonLimits(msg, limits)),
      undefined,
    );
  });

  it("counts the message object as depth 1", () => {
    assert.equal(
      codeOf(() => checkJsonLimits(nestedArrays(8), limits)),
      undefined,
    );
    assert.equal(
      codeOf(() => checkJsonLimits(nestedArrays(9), limits)),
      "ERR_POLICY_TOO_DEEP",
    );
  });

  it("refuses 100k nesting without recursing", () => {
    const deep = nestedArrays(100_000);
    assert.equal(
      codeOf(() => checkJsonLimits(deep, { maxDepth: 64, maxStringLength: 1 << 20 })),
      "ERR_POLICY_TOO_DEEP",
    );
    // Even with an absurd depth limit the walk finishes: no stack overflow.
    assert.equal(
      codeOf(() => checkJsonLimits(deep, { maxDepth: 1_000_000, maxStringLength: 1 << 20 })),
      undefined,
    );
    const deepObjects = JSON.parse(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`);
    assert.equal(
      codeOf(() => checkJsonLimits(deepObjects, { maxDepth: 1_000_000, maxStringLength: 8 })),
      undefined,
    );
  });

  it("refuses long string values and long keys", () => {
    assert.equal(
      codeOf(() => checkJsonLimits({ a: "x".repeat(16) }, limits)),
      undefined,
    );
    assert.equal(
      codeOf(() => checkJsonLimits({ a: "x".repeat(17) }, limits)),
      "ERR_POLICY_STRING_TOO_LONG",
    );
    assert.equal(
      codeOf(() => checkJsonLimits({ ["k".repeat(17)]: 1 }, limits)),
      "ERR_POLICY_STRING_TOO_LONG",
    );
    assert.equal(
      codeOf(() => checkJsonLimits(["x".repeat(17)], limits)),
      "ERR_POLICY_STRING_TOO_LONG",
    );
    assert.equal(
      codeOf(() => checkJsonLimits("x".repeat(17), limits)),
      "ERR_POLICY_STRING_TOO_LONG",
    );
  });

  it("measures strings in UTF-8 bytes", () => {
    assert.equal(
      codeOf(() => checkJsonLimits({ a: "é".repeat(8) }, limits)),
      undefined,
    ); // 16 bytes
    assert.equal(
      codeOf(() => checkJsonLimits({ a: "é".repeat(9) }, limits)),
      "ERR_POLICY_STRING_TOO_LONG",
    );
    assert.equal(
      codeOf(() => checkJsonLimits({ a: "😀".repeat(5) }, limits)),
      "ERR_POLICY_STRING_TOO_LONG",
    ); // 20 bytes
  });

  it("skips strings when asked, but still checks depth", () => {
    const opts = { ...limits, skipStrings: true };
    assert.equal(
      codeOf(() => checkJsonLimits({ a: "x".repeat(1000) }, opts)),
      undefined,
    );
    assert.equal(
      codeOf(() => checkJsonLimits(nestedArrays(9), opts)),
      "ERR_POLICY_TOO_DEEP",
    );
  });

  it("is linear on a wide 10 MiB value", () => {
    const wide = { items: Array.from({ length: 200_000 }, (_, i) => ({ id: i, text: "y".repeat(40) })) };
    const t0 = performance.now();
    checkJsonLimits(wide, { maxDepth: 64, maxStringLength: 1 << 20 });
    assert.ok(performance.now() - t0 < 2000, "walk took too long");
  });

  it("agrees with a recursive reference on arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 8 }), (v, maxDepth) => {
        const code = codeOf(() => checkJsonLimits(v, { maxDepth, maxStringLength: 1 << 20 }));
        assert.equal(code, depthOf(v) > maxDepth ? "ERR_POLICY_TOO_DEEP" : undefined);
      }),
      { numRuns: 300 },
    );
  });
});
