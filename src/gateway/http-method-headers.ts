// 2026-07-28 routing headers (MCP "Transports" › Streamable HTTP): `Mcp-Method` and `Mcp-Name` let intermediaries
// route without parsing the body, so a body that disagrees with them is refused (400): a proxy and the server must
// never act on two different requests (request smuggling, CWE-444). Absent headers are not required (2025 clients).
import type { IncomingHttpHeaders } from "node:http";

function nameOf(message: Record<string, unknown>): unknown {
  const params = message.params as Record<string, unknown> | undefined;
  if (message.method === "resources/read") return params?.uri;
  return params?.name;
}

/** Undefined when consistent; otherwise a reason for the 400. */
export function checkMethodHeaders(headers: IncomingHttpHeaders, message: Record<string, unknown>): string | undefined {
  const method = headers["mcp-method"];
  if (method !== undefined && method !== message.method) return "Mcp-Method does not match the body";
  const name = headers["mcp-name"];
  if (name !== undefined && name !== nameOf(message)) return "Mcp-Name does not match the body";
  return undefined;
}
