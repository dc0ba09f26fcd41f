// Tests for the Mcp-Method / Mcp-Name consistency check.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkMethodHeaders } from "./http-method-headers.ts";

const call = { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo" } };

test("matching or absent headers pass", () => {
  assert.equal(checkMethodHeaders({}, call), undefined);
  assert.equal(checkMethodHeaders({ "mcp-method": "tools/call", "mcp-name": "echo" }, call), undefined);
  const read = { jsonrpc: "2.0", id: 2, method: "resources/read", params: { uri: "file:///a" } };
  assert.equal(checkMethodHeaders({ "mcp-method": "resources/read", "mcp-name": "file:///a" }, read), undefined);
});

test("a header that disagrees with the body is refused", () => {
  assert.match(checkMethodHeaders({ "mcp-method": "tools/list" }, call) ?? "", /Mcp-Method/);
  assert.match(checkMethodHeaders({ "mcp-name": "run_sql" }, call) ?? "", /Mcp-Name/);
});

test("2026-07-28 requires the headers; a Base64-encoded name is decoded before the comparison", () => {
  assert.match(checkMethodHeaders({}, call, { required: true }) ?? "", /Mcp-Method header is required/);
  assert.match(checkMethodHeaders({ "mcp-method": "tools/call" }, call, { required: true }) ?? "", /Mcp-Name/);
  const list = { jsonrpc: "2.0", id: 3, method: "tools/list" };
  assert.equal(checkMethodHeaders({ "mcp-method": "tools/list" }, list, { required: true }), undefined);
  const encoded = `=?base64?${Buffer.from("echo").toString("base64")}?=`;
  assert.equal(checkMethodHeaders({ "mcp-method": "tools/call", "mcp-name": encoded }, call), undefined);
  assert.match(checkMethodHeaders({ "mcp-name": "=?base64?%%?=" }, call) ?? "", /Mcp-Name/);
  const other = `=?base64?${Buffer.from("run_sql").toString("base64")}?=`;
  assert.match(checkMethodHeaders({ "mcp-name": other }, call) ?? "", /does not match/);
});
