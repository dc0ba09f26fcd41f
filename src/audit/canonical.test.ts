// Tests for canonical JSON: key order, nesting and undefined handling must not change the output.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { canonicalJson } from "./canonical.ts";

test("sorts keys at every depth and drops undefined members", () => {
  const a = canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: "x" }, u: undefined });
  assert.equal(a, '{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}');
});

test("equal values in different key order give the same text", () => {
  assert.equal(canonicalJson({ x: 1, y: [true, null] }), canonicalJson({ y: [true, null], x: 1 }));
});

test("escapes strings like JSON", () => {
  assert.equal(canonicalJson({ 'k"': "line\nbreak" }), '{"k\\"":"line\\nbreak"}');
});

test("equals JSON.stringify of a key-sorted copy for any JSON value", () => {
  // An independent reference: rebuild every object with its keys inserted in sorted order, then let JSON.stringify
  // serialise it (it keeps insertion order for non-index keys; integer-like keys are ordered by JSON.stringify itself,
  // so they are left out of the generated keys).
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sorted((v as Record<string, unknown>)[k]);
    return out;
  };
  const key = fc.string({ unit: "binary", maxLength: 8 }).filter((k) => !/^(0|[1-9]\d*)$/.test(k));
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom(null, true, false),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    ),
  })).value;
  fc.assert(
    fc.property(json, (value) => {
      assert.equal(canonicalJson(value), JSON.stringify(sorted(value)));
    }),
    { numRuns: 1000 },
  );
});

test("an empty object, and one whose members are all undefined, are {}", () => {
  assert.equal(canonicalJson({}), "{}");
  assert.equal(canonicalJson({ a: undefined }), "{}");
  assert.equal(canonicalJson({ a: undefined, b: 2 }), '{"b":2}');
});
