// A PolicyError as the JSON-RPC error object the SDK sends: numeric code, safe message, `data.code` (DESIGN.md
// "Placeholders and codes"). Plain Error, not McpError, whose message would gain an "MCP error -32602:" prefix.
import type { PolicyError } from "../errors.ts";

export interface WireError extends Error {
  code: number;
  data: Record<string, unknown>;
}

export function wireError(err: PolicyError): WireError {
  const wire = new Error(err.message) as WireError;
  wire.code = err.jsonRpcCode;
  wire.data = { ...(err.data ?? {}), code: err.code };
  // No stack leaves the process: the SDK serialises only code, message and data.
  wire.stack = undefined;
  return wire;
}
