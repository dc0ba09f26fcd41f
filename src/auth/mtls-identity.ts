// Turns a verified TLS client certificate into a Principal (issue 5: mTLS with the certificate's SAN or subject
// becoming the principal). Only certificates the TLS layer verified against `listen.tls.client_ca` are accepted.
import type { PeerCertificate, TLSSocket } from "node:tls";
import type { Principal } from "../guards/types.ts";
import { authError } from "./auth-error.ts";

export interface MtlsIdentityOptions {
  /** Policy `auth.mtls.principal_from`: "san" (URI, then email, then DNS entries) or "subject" (the CN). */
  principalFrom: "san" | "subject";
  environment?: string | undefined;
}

// SAN preference: URI (e.g. SPIFFE IDs) names a workload most precisely, then email (a person), then DNS.
const SAN_ORDER = ["URI", "email", "DNS"] as const;

/** Parses Node's `subjectaltname` ("DNS:a, URI:b"); values with separators arrive JSON-quoted (CVE-2021-44532). */
export function parseSubjectAltName(text: string): Array<{ type: string; value: string }> {
  const out: Array<{ type: string; value: string }> = [];
  let rest = text;
  while (rest.length > 0) {
    const colon = rest.indexOf(":");
    if (colon < 0) break;
    const type = rest.slice(0, colon).trim();
    rest = rest.slice(colon + 1);
    let value: string;
    if (rest.startsWith('"')) {
      const end = closingQuote(rest);
      value = JSON.parse(rest.slice(0, end + 1)) as string;
      rest = rest.slice(end + 1);
    } else {
      const comma = rest.indexOf(", ");
      value = comma < 0 ? rest : rest.slice(0, comma);
      rest = comma < 0 ? "" : rest.slice(comma);
    }
    out.push({ type, value });
    rest = rest.replace(/^, /, "");
  }
  return out;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  throw new Error("unterminated quoted SAN value");
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

function subjectOf(cert: PeerCertificate, from: "san" | "subject"): string | undefined {
  if (from === "subject") return single(cert.subject?.CN as string | string[] | undefined);
  const entries = parseSubjectAltName(cert.subjectaltname ?? "");
  for (const type of SAN_ORDER) {
    const hit = entries.find((e) => e.type === type);
    if (hit) return hit.value;
  }
  return undefined;
}

/** The issuer DN as a stable string: sessions bind iss+sub, so the same name from another CA is another principal. */
function issuerOf(cert: PeerCertificate): string {
  const parts = Object.entries(cert.issuer ?? {}).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : v}`);
  return `mtls:${parts.join(",")}`;
}

export function principalFromCertificate(cert: PeerCertificate, opts: MtlsIdentityOptions): Principal {
  const sub = subjectOf(cert, opts.principalFrom);
  if (!sub || /[\x00-\x1f\x7f]/.test(sub)) {
    throw authError("ERR_AUTH_INVALID_TOKEN", `client certificate has no usable ${opts.principalFrom}`);
  }
  return { sub, iss: issuerOf(cert), client_id: undefined, scopes: [], environment: opts.environment };
}

/** Principal of a TLS connection; refused unless the peer certificate was verified against the client CA. */
export function principalFromTlsSocket(socket: TLSSocket, opts: MtlsIdentityOptions): Principal {
  if (!socket.authorized) {
    throw authError("ERR_AUTH_REQUIRED", `client certificate not verified: ${String(socket.authorizationError)}`);
  }
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) throw authError("ERR_AUTH_REQUIRED", "no client certificate");
  return principalFromCertificate(cert, opts);
}
