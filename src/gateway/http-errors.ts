// Error answers of the HTTP front that come before any session exists: a JSON-RPC error body with a stable code.
import type { ServerResponse } from "node:http";
import { ERROR_CODES, type ErrorCode } from "../errors.ts";

export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message?: string,
  headers: Record<string, string> = {},
): void {
  sendRpcError(res, null, code, {
    status,
    jsonRpcCode: status === 400 ? -32600 : -32000,
    message: message ?? ERROR_CODES[code],
    headers,
  });
}

export interface RpcRefusal {
  status: number;
  /** JSON-RPC error code on the wire (the 2026-07-28 revision defines -32020, -32021, -32022). */
  jsonRpcCode: number;
  message: string;
  data?: Record<string, unknown> | undefined;
  headers?: Record<string, string> | undefined;
}

/** An error answer with the request's id when it could be read, and the spec's own error code and data. */
export function sendRpcError(
  res: ServerResponse,
  id: string | number | null,
  code: ErrorCode,
  refusal: RpcRefusal,
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id,
    error: { code: refusal.jsonRpcCode, message: refusal.message, data: { ...refusal.data, code } },
  });
  res.writeHead(refusal.status, {
    ...refusal.headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}
