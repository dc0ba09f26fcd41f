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
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: null,
    error: { code: status === 400 ? -32600 : -32000, message: message ?? ERROR_CODES[code], data: { code } },
  });
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}
