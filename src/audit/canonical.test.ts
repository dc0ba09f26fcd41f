// Tests for canonical JSON: key order, nesting and undefined handling must not change the output.
import assert from "node:assert/strict";
import { test } from "node:test";
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
