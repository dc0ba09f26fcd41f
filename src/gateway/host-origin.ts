// DNS-rebinding defence for the HTTP front (MCP "Transports" › Security Warning; DESIGN.md pitfall: the SDK leaves it
// off): the Host header must name an allowed host and a present Origin must be an allowed origin, else 403.
import type { IncomingHttpHeaders } from "node:http";

export interface HostOriginPolicy {
  /** Host names (optionally host:port); compared case-insensitively, as DNS names are (RFC 4343). */
  allowedHosts: readonly string[];
  /** Exact origins such as https://app.example (scheme://host[:port]). */
  allowedOrigins: readonly string[];
}

/** Host name without the port; "[::1]:8080" → "[::1]". Undefined for a malformed value. */
export function hostName(host: string): string | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  return m?.[1]?.toLowerCase();
}

function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (host === undefined) return false;
  const name = hostName(host);
  if (name === undefined) return false;
  const full = host.toLowerCase();
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    return e === full || e === name;
  });
}

/** Origin normalised by the URL parser (lower-case scheme/host, default port dropped); "null" and junk fail. */
function normalisedOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === "null" ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const o = normalisedOrigin(origin);
  if (o === undefined) return false;
  return allowed.some((entry) => normalisedOrigin(entry) === o);
}

/**
 * A page served by this front (the approval console) posting back to it: its Origin names the very host:port the
 * (already allowed) Host header names. A rebinding attack cannot produce this pair: the attacker's page has the
 * attacker's origin, and the Host check has refused a foreign host.
 */
function sameOrigin(origin: string, host: string | undefined): boolean {
  const o = normalisedOrigin(origin);
  return o !== undefined && host !== undefined && new URL(o).host === host.toLowerCase();
}

/** Undefined when the request may proceed; otherwise the reason for the 403 (for logs, not for the client). */
export function checkHostOrigin(headers: IncomingHttpHeaders, policy: HostOriginPolicy): string | undefined {
  if (!hostAllowed(headers.host, policy.allowedHosts)) return "Host not allowed";
  const origin = headers.origin;
  if (origin === undefined || sameOrigin(origin, headers.host) || originAllowed(origin, policy.allowedOrigins)) {
    return undefined;
  }
  return "Origin not allowed";
}
