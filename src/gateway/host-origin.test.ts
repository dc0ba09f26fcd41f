// Tests for the Host/Origin allowlists (DNS rebinding).
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkHostOrigin, hostName } from "./host-origin.ts";

const policy = { allowedHosts: ["localhost", "127.0.0.1", "[::1]"], allowedOrigins: ["http://localhost:3000"] };

test("allowed hosts pass with or without a port", () => {
  assert.equal(checkHostOrigin({ host: "127.0.0.1:8080" }, policy), undefined);
  assert.equal(checkHostOrigin({ host: "LOCALHOST" }, policy), undefined);
  assert.equal(checkHostOrigin({ host: "[::1]:9" }, policy), undefined);
});

test("foreign, missing and malformed hosts are refused", () => {
  assert.equal(checkHostOrigin({ host: "evil.example" }, policy), "Host not allowed");
  assert.equal(checkHostOrigin({}, policy), "Host not allowed");
  assert.equal(checkHostOrigin({ host: "localhost.evil.example" }, policy), "Host not allowed");
  assert.equal(checkHostOrigin({ host: "localhost@evil" }, policy), "Host not allowed");
  assert.equal(hostName("a b"), undefined);
});

test("a present Origin must be allowed exactly", () => {
  assert.equal(checkHostOrigin({ host: "localhost", origin: "http://localhost:3000" }, policy), undefined);
  assert.equal(checkHostOrigin({ host: "localhost", origin: "http://evil.example" }, policy), "Origin not allowed");
  assert.equal(checkHostOrigin({ host: "localhost", origin: "null" }, policy), "Origin not allowed");
  assert.equal(checkHostOrigin({ host: "localhost", origin: "http://localhost:3001" }, policy), "Origin not allowed");
});

test("a page of this front posting back to it (same host:port) is same-origin; a look-alike is not", () => {
  assert.equal(checkHostOrigin({ host: "127.0.0.1:8080", origin: "http://127.0.0.1:8080" }, policy), undefined);
  assert.equal(
    checkHostOrigin({ host: "127.0.0.1:8080", origin: "http://127.0.0.1:8081" }, policy),
    "Origin not allowed",
  );
  assert.equal(
    checkHostOrigin({ host: "localhost", origin: "http://localhost.evil.example" }, policy),
    "Origin not allowed",
  );
  assert.equal(checkHostOrigin({ host: "evil.example", origin: "http://evil.example" }, policy), "Host not allowed");
});
