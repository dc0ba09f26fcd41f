// args_fp: keyed, order-independent, and the same whether the key is given as text, bytes or a prepared KeyObject.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { argsFingerprint, FINGERPRINT_PREFIX, fingerprintKey } from "./fingerprint.ts";

// Fake key, for this test only.
const KEY = "test-only-audit-key-ä-0123456789";

test("a prepared key fingerprints exactly like the raw key (UTF-8 bytes of a string key)", () => {
  const args = { path: "/tmp/x", n: 1, nested: { b: [1, "two"], a: null } };
  const expected = argsFingerprint(KEY, args);
  assert.equal(argsFingerprint(fingerprintKey(KEY), args), expected);
  assert.equal(argsFingerprint(fingerprintKey(Buffer.from(KEY, "utf8")), args), expected);
  const direct = createHmac("sha256", Buffer.from(KEY, "utf8")).update(
    '{"n":1,"nested":{"a":null,"b":[1,"two"]},"path":"/tmp/x"}',
  );
  assert.equal(expected, FINGERPRINT_PREFIX + direct.digest("hex"));
});

test("key order does not matter; another key gives another fingerprint; an empty key stays usable", () => {
  const key = fingerprintKey(KEY);
  assert.equal(argsFingerprint(key, { a: 1, b: 2 }), argsFingerprint(key, { b: 2, a: 1 }));
  assert.notEqual(argsFingerprint(key, { a: 1 }), argsFingerprint(fingerprintKey(`${KEY}!`), { a: 1 }));
  assert.equal(fingerprintKey(""), "");
  assert.equal(argsFingerprint(fingerprintKey(""), { a: 1 }), argsFingerprint("", { a: 1 }));
});
