// Tests for the 2026-07-28 request envelope checks: which POSTs are stateless, and each refusal's status and code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkStatelessRequest, isStatelessRequest } from "./stateless-meta.ts";

const META = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
};
const HEADERS = { "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/list" };
const list = (meta: Record<string, unknown> = META) => ({
  jsonrpc: "2.0",
  id: 1,
  method: "tools/list",
  params: { _meta: meta },
});

function refusalOf(headers: Record<string, string>, message: Record<string, unknown>) {
  const checked = checkStatelessRequest(headers, message);
  assert.equal(checked.ok, false);
  return checked.ok ? undefined : checked.refusal;
}

test("stateless: a 2026-07-28 header, or the _meta version without a session; initialize and sessions are 2025", () => {
  assert.equal(isStatelessRequest(HEADERS, { method: "tools/list" }), true);
  assert.equal(isStatelessRequest({}, list()), true);
  assert.equal(isStatelessRequest({ "mcp-session-id": "s" }, list()), false);
  assert.equal(isStatelessRequest({}, { method: "initialize", params: { _meta: META } }), false);
  assert.equal(isStatelessRequest({ "mcp-protocol-version": "2025-06-18" }, { method: "tools/list" }), false);
});

test("a complete request passes and yields its version and capabilities", () => {
  const checked = checkStatelessRequest(HEADERS, list());
  assert.deepEqual(checked, { ok: true, envelope: { version: "2026-07-28", capabilities: {} } });
});

test("each missing or inconsistent piece is refused with the spec's code", () => {
  assert.equal(refusalOf(HEADERS, list({}))?.jsonRpcCode, -32602);
  assert.equal(
    refusalOf(HEADERS, list({ "io.modelcontextprotocol/protocolVersion": "2026-07-28" }))?.jsonRpcCode,
    -32602,
  );
  assert.equal(refusalOf({ "mcp-method": "tools/list" }, list())?.jsonRpcCode, -32020);
  assert.equal(refusalOf({ ...HEADERS, "mcp-method": "tools/call" }, list())?.jsonRpcCode, -32020);
  assert.equal(refusalOf({ ...HEADERS, "mcp-session-id": "x" }, list())?.jsonRpcCode, -32600);
  const future = { ...META, "io.modelcontextprotocol/protocolVersion": "2099-01-01" };
  const unsupported = refusalOf({ ...HEADERS, "mcp-protocol-version": "2099-01-01" }, list(future));
  assert.equal(unsupported?.jsonRpcCode, -32022);
  assert.equal(unsupported?.data?.requested, "2099-01-01");
  const bad = refusalOf(HEADERS, list({ ...META, "io.modelcontextprotocol/clientInfo": "me" }));
  assert.match(bad?.message ?? "", /clientInfo/);
  for (const r of [unsupported, bad]) assert.equal(r?.status, 400);
});
