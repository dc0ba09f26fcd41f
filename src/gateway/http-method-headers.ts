// 2026-07-28 routing headers (MCP "Transports" › Streamable HTTP › Request Metadata): `Mcp-Method` and `Mcp-Name`
// let intermediaries route without parsing the body, so a body that disagrees with them is refused (400): a proxy and
// the server must never act on two different requests (request smuggling, CWE-444). 2026-07-28 requests must carry
// them; 2025 clients need not, but a header they do send must match.
import type { IncomingHttpHeaders } from "node:http";

/** Methods whose `Mcp-Name` is required (the spec's "Standard Request Headers" table). */
const NAMED_METHODS: ReadonlySet<string> = new Set(["tools/call", "resources/read", "prompts/get"]);
/** `=?base64?…?=`: the spec's encoding for names that are not plain header-safe ASCII. Linear-time pattern. */
const BASE64_SENTINEL = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function nameOf(message: Record<string, unknown>): unknown {
  const params = message.params as Record<string, unknown> | undefined;
  if (message.method === "resources/read") return params?.uri;
  return params?.name;
}

/** The header value as the client meant it (Base64 sentinel decoded); undefined when the encoding is malformed. */
export function decodeHeaderValue(value: string): string | undefined {
  const match = BASE64_SENTINEL.exec(value);
  if (!match) return value;
  const encoded = match[1] ?? "";
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.toString("base64") !== encoded) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Undefined when consistent; otherwise a reason for the 400. `required`: the 2026-07-28 rule that they be present. */
export function checkMethodHeaders(
  headers: IncomingHttpHeaders,
  message: Record<string, unknown>,
  opts: { required?: boolean } = {},
): string | undefined {
  const method = headers["mcp-method"];
  if (method === undefined && opts.required && typeof message.method === "string")
    return "Mcp-Method header is required";
  if (method !== undefined && method !== message.method) return "Mcp-Method does not match the body";
  const name = headers["mcp-name"];
  if (name === undefined) {
    if (opts.required && NAMED_METHODS.has(String(message.method))) return "Mcp-Name header is required";
    return undefined;
  }
  const decoded = decodeHeaderValue(String(name));
  if (decoded === undefined) return "Mcp-Name has a malformed Base64 encoding";
  if (decoded !== nameOf(message)) return "Mcp-Name does not match the body";
  return undefined;
}
