// defineTool and strictInput: definition-time refusals and schema bounding.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { strictInput } from "./strict-input.ts";

describe("defineTool", () => {
  it("defaults writes to elicitation and reads to no confirmation", () => {
    const write = defineTool({ name: "w", description: "", input: {}, handler: () => null });
    const read = defineTool({ name: "r", description: "", input: {}, readOnly: true, handler: () => null });
    assert.equal(write.confirm, "elicit");
    assert.equal(read.confirm, "never");
  });

  it("refuses multi-action arguments, the reserved confirm argument and bad names", () => {
    const bad =
      (input: Record<string, z.ZodType>, name = "t") =>
      () =>
        defineTool({ name, description: "", input, handler: () => null });
    assert.throws(bad({ action: z.enum(["read", "delete"]) }), /several actions/);
    assert.throws(bad({ sql: z.string() }), /several actions/);
    assert.throws(bad({ confirm: z.boolean() }), /reserved/);
    assert.throws(bad({}, "bad name"), /invalid/);
  });
});

describe("strictInput", () => {
  const schema = strictInput(
    {
      q: z.string().describe("query"),
      short: z.string().max(3),
      opt: z.string().optional(),
      tags: z.array(z.string()).max(2),
      nested: z.object({ a: z.string() }).optional(),
    },
    10,
  );

  it("rejects unknown keys at every level", () => {
    assert.equal(schema.safeParse({ q: "a", short: "b", tags: [], x: 1 }).success, false);
    assert.equal(schema.safeParse({ q: "a", short: "b", tags: [], nested: { a: "x", b: 1 } }).success, false);
  });

  it("bounds unbounded strings, keeps tighter bounds, array checks and descriptions", () => {
    assert.equal(schema.safeParse({ q: "a".repeat(10), short: "abc", tags: [] }).success, true);
    assert.equal(schema.safeParse({ q: "a".repeat(11), short: "abc", tags: [] }).success, false);
    assert.equal(schema.safeParse({ q: "a", short: "abcd", tags: [] }).success, false);
    assert.equal(schema.safeParse({ q: "a", short: "a", opt: "a".repeat(11), tags: [] }).success, false);
    assert.equal(schema.safeParse({ q: "a", short: "a", tags: ["a".repeat(11)] }).success, false);
    assert.equal(schema.safeParse({ q: "a", short: "a", tags: ["a", "b", "c"] }).success, false);
    const json = z.toJSONSchema(schema) as { properties: Record<string, { description?: string }> };
    assert.equal(json.properties.q?.description, "query");
  });

  it("bounds string formats, record values and union members too", () => {
    const s = strictInput(
      {
        e: z.email(),
        r: z.record(z.string(), z.string()),
        u: z.union([z.string(), z.number()]),
        d: z.discriminatedUnion("k", [z.object({ k: z.literal("a"), v: z.string() })]),
      },
      20,
    );
    const ok = { e: "a@example.com", r: { x: "y" }, u: "s", d: { k: "a", v: "w" } };
    assert.equal(s.safeParse(ok).success, true);
    assert.equal(s.safeParse({ ...ok, e: `${"a".repeat(30)}@example.com` }).success, false);
    assert.equal(s.safeParse({ ...ok, r: { x: "y".repeat(21) } }).success, false);
    assert.equal(s.safeParse({ ...ok, u: "s".repeat(21) }).success, false);
    assert.equal(s.safeParse({ ...ok, d: { k: "a", v: "w".repeat(21) } }).success, false);
    assert.equal(s.safeParse({ ...ok, d: { k: "a", v: "w", extra: 1 } }).success, false);
  });
});
