// Tests for --listen parsing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../errors.ts";
import { parseListen } from "./http-gateway.ts";

test("HOST:PORT, [IPv6]:PORT and :PORT", () => {
  assert.deepEqual(parseListen("127.0.0.1:8080", "x"), { host: "127.0.0.1", port: 8080 });
  assert.deepEqual(parseListen("[::1]:9", "x"), { host: "::1", port: 9 });
  assert.deepEqual(parseListen(":0", "127.0.0.1"), { host: "127.0.0.1", port: 0 });
});

test("malformed values are usage errors", () => {
  for (const bad of ["8080", "host:", "host:99999", "a:b:c", "host:8080/x"]) {
    assert.throws(() => parseListen(bad, "127.0.0.1"), UsageError, bad);
  }
});
