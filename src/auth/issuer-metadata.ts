// Finds an issuer's jwks_uri through its metadata: RFC 8414 §3 (oauth-authorization-server, path-inserted), then
// OpenID Connect Discovery 1.0 §4. The metadata's `issuer` must equal the configured issuer (RFC 8414 §3.3).
import { OperatorError } from "../errors.ts";

export function metadataUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  return [
    `${url.origin}/.well-known/oauth-authorization-server${path}`,
    `${url.origin}${path}/.well-known/openid-configuration`,
  ];
}

export async function discoverJwksUri(issuer: string, timeoutMs = 5000): Promise<string> {
  const failures: string[] = [];
  for (const url of metadataUrls(issuer)) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
      if (!res.ok) {
        failures.push(`${url}: HTTP ${res.status}`);
        continue;
      }
      const meta = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (meta.issuer !== issuer) throw new Error(`metadata issuer ${String(meta.issuer)} is not ${issuer}`);
      if (typeof meta.jwks_uri !== "string") throw new Error("metadata has no jwks_uri");
      return new URL(meta.jwks_uri).href;
    } catch (err) {
      failures.push(`${url}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new OperatorError("ERR_AUTH_UNAVAILABLE", `cannot discover jwks_uri of ${issuer}: ${failures.join("; ")}`);
}
