// Verifies OAuth 2.1 JWT access tokens as a resource server: signature against the issuer's JWKS (cached; an unknown
// kid triggers one refetch per cooldown, which handles key rotation), `iss`, `aud` equal to our canonical resource URL
// (RFC 8707, MCP authorization spec "Token Audience Binding"), `exp`/`nbf` with small skew, asymmetric algorithms only.
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import { ConfigError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";
import { durationMs } from "../policy/duration.ts";
import type { Policy } from "../policy/schema.ts";
import { discoverJwksUri } from "./issuer-metadata.ts";
import { fromJoseError } from "./jose-error.ts";
import { checkTokenSize, principalOf } from "./token-claims.ts";
import { createVerifiedTokenCache } from "./verified-token-cache.ts";

/** Asymmetric JWS algorithms (RFC 7518 §3.1, RFC 8037). HS* and "none" are never accepted: with a public JWKS an
 * HMAC "key" would be public material (algorithm confusion, CVE-2015-9235 family). */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];

export interface JwtVerifierOptions {
  issuer: string;
  /** The canonical resource URL tokens must be bound to (exact match of `aud`, or one of its entries). */
  audience: string;
  /** jwks_uri; discovered from the issuer's metadata when omitted. */
  jwksUri?: string | undefined;
  algorithms?: readonly string[] | undefined;
  clockSkewMs?: number | undefined;
  /** Gateway environment recorded on the principal: the audience binding ties the token to this deployment. */
  environment?: string | undefined;
  /** Minimum time between two JWKS fetches triggered by unknown kids (jose cooldownDuration). */
  jwksCooldownMs?: number | undefined;
  jwksCacheMaxAgeMs?: number | undefined;
  jwksTimeoutMs?: number | undefined;
}

export interface JwtVerifier {
  verify(token: string): Promise<Principal>;
}

export function checkAlgorithms(algorithms: readonly string[]): string[] {
  const bad = algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
  if (bad.length > 0 || algorithms.length === 0) {
    throw new ConfigError(
      "ERR_CONFIG_INVALID",
      `only asymmetric algorithms are allowed, got ${bad.join(", ") || "none"}`,
      {
        key: "auth.oauth.algorithms",
      },
    );
  }
  return [...algorithms];
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Keys fetched over plain HTTP could be swapped in transit (CWE-319): https only, except on loopback (tests, sidecars). */
export function checkKeySource(url: string, key: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname))) return url;
  throw new ConfigError("ERR_CONFIG_INVALID", `${url} must use https (plain http only on loopback)`, { key });
}

export function createJwtVerifier(opts: JwtVerifierOptions): JwtVerifier {
  const algorithms = checkAlgorithms(opts.algorithms ?? ["RS256", "PS256", "ES256", "EdDSA"]);
  checkKeySource(opts.issuer, "auth.oauth.issuer");
  if (opts.jwksUri) checkKeySource(opts.jwksUri, "auth.oauth.jwks_uri");
  const clockTolerance = Math.round((opts.clockSkewMs ?? 30_000) / 1000);
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const getKeySet = (): Promise<JWTVerifyGetKey> => {
    keySet ??= (opts.jwksUri ? Promise.resolve(opts.jwksUri) : discoverJwksUri(opts.issuer)).then((uri) =>
      createRemoteJWKSet(new URL(checkKeySource(uri, "jwks_uri (discovered)")), {
        cooldownDuration: opts.jwksCooldownMs ?? 30_000,
        cacheMaxAge: opts.jwksCacheMaxAgeMs ?? 600_000,
        timeoutDuration: opts.jwksTimeoutMs ?? 5000,
      }),
    );
    // A failed discovery is retried on the next request rather than cached forever.
    keySet.catch(() => {
      keySet = undefined;
    });
    return keySet;
  };
  const verified = createVerifiedTokenCache({ skewMs: clockTolerance * 1000 });
  return {
    async verify(token) {
      checkTokenSize(token);
      const seen = verified.get(token);
      if (seen !== undefined) return principalOf(seen, opts.environment);
      let jwks: JWTVerifyGetKey;
      try {
        jwks = await getKeySet();
      } catch (err) {
        throw fromJoseError(err);
      }
      try {
        const { payload } = await jwtVerify(token, jwks, {
          issuer: opts.issuer,
          audience: opts.audience,
          algorithms,
          clockTolerance,
          requiredClaims: ["exp", "sub"],
        });
        const principal = principalOf(payload, opts.environment);
        verified.set(token, payload);
        return principal;
      } catch (err) {
        throw fromJoseError(err);
      }
    },
  };
}

/** Verifier for a policy's `auth.oauth` section, or undefined when OAuth is not configured. */
export function jwtVerifierFromPolicy(policy: Policy): JwtVerifier | undefined {
  const oauth = policy.auth?.oauth;
  if (!oauth) return undefined;
  return createJwtVerifier({
    issuer: oauth.issuer,
    audience: oauth.audience,
    jwksUri: oauth.jwks_uri,
    algorithms: oauth.algorithms,
    clockSkewMs: durationMs(oauth.clock_skew),
    environment: policy.environment,
  });
}
