// Turns a refusal into the JSON-RPC error the client (or upstream) receives: stable `error.data.code`, safe message,
// no upstream internals (DESIGN.md "Denials never leak").
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcId, JsonRpcResponse } from "../mcp/jsonrpc.ts";

const MAX_ECHOED_NAME = 128;

export function errorFrame(id: JsonRpcId | null, err: PolicyError): string {
  const data = { ...(err.data ?? {}), code: err.code };
  const response: JsonRpcResponse = {
    jsonrpc: "2.0",
    id,
    error: { code: err.jsonRpcCode, message: err.message, data },
  };
  return JSON.stringify(response);
}

/**
 * The answer to a call of a tool that is denied, unlisted, quarantined or nonexistent: one shape for all of them, the
 * protocol's unknown-tool error (MCP "Tools" › Error Handling: -32602 "Unknown tool: <name>"), so a caller cannot
 * probe which tools exist behind the policy.
 */
export function unknownToolError(name: unknown): PolicyError {
  const shown = typeof name === "string" ? name.slice(0, MAX_ECHOED_NAME) : "";
  return new PolicyError("ERR_POLICY_TOOL_NOT_ALLOWED", {
    jsonRpcCode: JSONRPC.INVALID_PARAMS,
    message: `Unknown tool: ${shown}`,
  });
}
