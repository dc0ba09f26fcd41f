import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PolicyError } from "../errors.ts";
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import { jsonLimits } from "./json-limits.ts";
import { testContext, testPolicy, toolCall } from "./test-context.ts";
import type { Phase } from "./types.ts";

const limits = { max_depth: 6, max_string_length: 50, max_response_bytes: 200 };

function codeOf(phase: Phase, message: JsonRpcMessage, extra: Record<string, unknown> = {}, method = "tools/call") {
  const ctx = testContext({
    phase,
    message,
    policy: testPolicy({ defaults: { ...limits, ...extra } }),
    request: { id: 1, method, params: {}, tool: "t", startedAt: 0 },
  });
  try {
    jsonLimits().run(ctx);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof PolicyError);
    return err.code;
  }
}

const deepArgs = toolCall("t", { a: { b: { c: {} } } }); // message(1) params(2) arguments(3) a(4) b(5) c(6)
const tooDeep = toolCall("t", { a: { b: { c: { d: {} } } } });

describe("json-limits guard", () => {
  it("runs in every phase", () => {
    assert.equal(jsonLimits().phases.length, 6);
  });

  it("enforces depth and string length on client messages", () => {
    assert.equal(codeOf("request", deepArgs), undefined);
    assert.equal(codeOf("request", tooDeep), "ERR_POLICY_TOO_DEEP");
    assert.equal(codeOf("request", toolCall("t", { s: "x".repeat(51) })), "ERR_POLICY_STRING_TOO_LONG");
    assert.equal(
      codeOf("client-notification", { jsonrpc: "2.0", method: "n", params: { ["k".repeat(51)]: 1 } }),
      "ERR_POLICY_STRING_TOO_LONG",
    );
  });

  it("enforces them on server messages too", () => {
    const deep = {
      jsonrpc: "2.0" as const,
      method: "elicitation/create",
      id: 3,
      params: { a: { b: { c: { d: { e: {} } } } } },
    };
    assert.equal(codeOf("server-request", deep), "ERR_POLICY_TOO_DEEP");
    const small = { jsonrpc: "2.0" as const, id: 1, result: { content: [{ type: "text", text: "y".repeat(51) }] } };
    assert.equal(codeOf("response", small, { max_response_bytes: 100_000 }), "ERR_POLICY_STRING_TOO_LONG");
  });

  it("lets the size cap truncate an oversized result instead of refusing its long string", () => {
    const big = { jsonrpc: "2.0" as const, id: 1, result: { content: [{ type: "text", text: "y".repeat(500) }] } };
    assert.equal(codeOf("response", big), undefined);
    assert.equal(codeOf("response", big, { on_oversize: "refuse" }), "ERR_POLICY_STRING_TOO_LONG");
    assert.equal(codeOf("response", big, {}, "tools/list"), "ERR_POLICY_STRING_TOO_LONG");
    const bigAndDeep = {
      jsonrpc: "2.0" as const,
      id: 1,
      result: { content: [{ a: { b: { c: { d: "y".repeat(500) } } } }] },
    };
    assert.equal(codeOf("response", bigAndDeep), "ERR_POLICY_TOO_DEEP");
  });
});
