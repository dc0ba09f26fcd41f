// The per-request envelope of the stateless 2026-07-28 revision (MCP "Overview" › `_meta`, "Versioning", "Streamable
// HTTP" › Request Metadata): which POSTs speak it, and the checks every such request passes before anything runs —
// the required `_meta` keys, the MCP-Protocol-Version header equal to the `_meta` version, a version the gateway
// serves statelessly, and the Mcp-Method/Mcp-Name headers. Each refusal is a 400 with the spec's JSON-RPC code.
import type { IncomingHttpHeaders } from "node:http";
import { JSONRPC } from "../errors.ts";
import { PROTOCOL_REVISIONS } from "../mcp/methods.ts";
import type { RpcRefusal } from "./http-errors.ts";
import { checkMethodHeaders } from "./http-method-headers.ts";

export const META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
export const META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
export const META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

/** Revisions served statelessly (per-request `_meta`, no initialize, no session). */
export const STATELESS_REVISIONS: ReadonlySet<string> = new Set(["2026-07-28"]);
/** Every revision the endpoint serves, newest first: the stateless ones, and the 2025 ones through sessions. */
export const SUPPORTED_REVISIONS: readonly string[] = [...PROTOCOL_REVISIONS].reverse();

/** Error codes the 2026-07-28 revision defines (MCP "Overview" › Error Codes). */
export const MCP_ERROR = { HEADER_MISMATCH: -32020, UNSUPPORTED_PROTOCOL_VERSION: -32022 } as const;

const MAX_ECHOED_VERSION = 64;

function metaOf(message: Record<string, unknown>): Record<string, unknown> | undefined {
  const params = message.params;
  if (params === null || typeof params !== "object" || Array.isArray(params)) return undefined;
  const meta = (params as Record<string, unknown>)._meta;
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) return undefined;
  return meta as Record<string, unknown>;
}

function headerVersion(headers: IncomingHttpHeaders): string | undefined {
  const value = headers["mcp-protocol-version"];
  return value === undefined ? undefined : String(value);
}

/**
 * True when the POST belongs to the stateless revision (MCP "Versioning" › a dual-era server selects its behaviour
 * from how the client opens): a stateless MCP-Protocol-Version header, or — without a session — the `_meta` version
 * envelope on anything but `initialize`. Everything else is the 2025 session protocol.
 */
export function isStatelessRequest(headers: IncomingHttpHeaders, message: Record<string, unknown>): boolean {
  const version = headerVersion(headers);
  if (version !== undefined && STATELESS_REVISIONS.has(version)) return true;
  if (headers["mcp-session-id"] !== undefined || message.method === "initialize") return false;
  return metaOf(message)?.[META_PROTOCOL_VERSION] !== undefined;
}

/** The `UnsupportedProtocolVersionError` (MCP "Versioning" › Protocol Version Negotiation). */
export function unsupportedVersion(requested: string): RpcRefusal {
  const shown = requested.slice(0, MAX_ECHOED_VERSION);
  return {
    status: 400,
    jsonRpcCode: MCP_ERROR.UNSUPPORTED_PROTOCOL_VERSION,
    message: `Unsupported protocol version: ${shown}`,
    data: { supported: SUPPORTED_REVISIONS, requested: shown },
  };
}

function invalid(jsonRpcCode: number, message: string): RpcRefusal {
  return { status: 400, jsonRpcCode, message };
}

/** What a valid stateless request declares about its client. */
export interface StatelessEnvelope {
  version: string;
  capabilities: Record<string, unknown>;
}

/** Checks a stateless request (an object with `method` and `id`); a refusal names exactly what was wrong. */
export function checkStatelessRequest(
  headers: IncomingHttpHeaders,
  message: Record<string, unknown>,
): { ok: true; envelope: StatelessEnvelope } | { ok: false; refusal: RpcRefusal } {
  const refuse = (refusal: RpcRefusal) => ({ ok: false as const, refusal });
  // Sessions belong to the 2025 revisions; mixing them into a stateless request would let one request address state
  // it does not own, so the header is refused rather than ignored.
  if (headers["mcp-session-id"] !== undefined)
    return refuse(invalid(JSONRPC.INVALID_REQUEST, "2026-07-28 requests carry no Mcp-Session-Id (sessions are 2025)"));
  const meta = metaOf(message) ?? {};
  const version = meta[META_PROTOCOL_VERSION];
  if (typeof version !== "string")
    return refuse(invalid(JSONRPC.INVALID_PARAMS, `params._meta["${META_PROTOCOL_VERSION}"] is required`));
  const header = headerVersion(headers);
  if (header === undefined)
    return refuse(invalid(MCP_ERROR.HEADER_MISMATCH, "MCP-Protocol-Version header is required"));
  if (header !== version)
    return refuse(
      invalid(
        MCP_ERROR.HEADER_MISMATCH,
        `MCP-Protocol-Version header does not match params._meta["${META_PROTOCOL_VERSION}"]`,
      ),
    );
  if (!STATELESS_REVISIONS.has(version)) {
    if (!SUPPORTED_REVISIONS.includes(version)) return refuse(unsupportedVersion(version));
    return refuse(
      invalid(JSONRPC.INVALID_REQUEST, `Protocol version ${version} needs a session: send initialize first`),
    );
  }
  const capabilities = meta[META_CLIENT_CAPABILITIES];
  if (capabilities === null || typeof capabilities !== "object" || Array.isArray(capabilities))
    return refuse(
      invalid(JSONRPC.INVALID_PARAMS, `params._meta["${META_CLIENT_CAPABILITIES}"] is required (an object)`),
    );
  const info = meta[META_CLIENT_INFO];
  if (info !== undefined && (info === null || typeof info !== "object" || Array.isArray(info)))
    return refuse(invalid(JSONRPC.INVALID_PARAMS, `params._meta["${META_CLIENT_INFO}"] must be an object`));
  const mismatch = checkMethodHeaders(headers, message, { required: true });
  if (mismatch) return refuse(invalid(MCP_ERROR.HEADER_MISMATCH, mismatch));
  return { ok: true, envelope: { version, capabilities: capabilities as Record<string, unknown> } };
}
