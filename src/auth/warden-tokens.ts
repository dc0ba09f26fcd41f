// Warden tokens: short-lived EdDSA (Ed25519) JWTs for teams without an IdP and for machines. Each carries jti, sub,
// scope, environment and aud; it is valid only while registered and not revoked in the shared store, so
// `tokens revoke` takes effect on the next request and a store outage refuses tokens instead of admitting them.
import { randomBytes } from "node:crypto";
import { type JWTPayload, jwtVerify, SignJWT } from "jose";
import { UsageError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";
import type { WardenStore } from "../store/types.ts";
import { authError } from "./auth-error.ts";
import { fromJoseError } from "./jose-error.ts";
import type { SigningKey } from "./signing-key.ts";
import { checkTokenSize, principalOf } from "./token-claims.ts";
import { createTokenRegistry, type TokenRecord, type TokenRegistry } from "./token-registry.ts";
import { createVerifiedTokenCache } from "./verified-token-cache.ts";

export const WARDEN_ISSUER = "urn:mcp-warden";
/** Even with --allow-long-ttl a token lives at most this long. */
export const ABSOLUTE_MAX_TTL_MS = 366 * 86_400_000;
// RFC 6749 §3.3 scope-token; subjects: printable, no control characters (CWE-117 log injection).
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const SUBJECT = /^[^\x00-\x1f\x7f]{1,256}$/;

export interface WardenTokensOptions {
  key: SigningKey;
  environment: string;
  audience: string;
  store: WardenStore;
  defaultTtlMs: number;
  maxTtlMs: number;
  clockSkewMs?: number | undefined;
  now?: () => number;
}

export interface IssueRequest {
  sub: string;
  scopes?: readonly string[];
  ttlMs?: number | undefined;
  allowLongTtl?: boolean;
}

export interface IssuedToken {
  token: string;
  record: TokenRecord;
}

export interface WardenTokens {
  readonly registry: TokenRegistry;
  issue(req: IssueRequest): Promise<IssuedToken>;
  verify(token: string): Promise<Principal>;
  /**
   * For a token verified here recently (so a warden token), the same result as verify() without decoding it again;
   * undefined for any other token. Lets a caller route a request without decoding its token first.
   */
  verifyKnown(token: string): Promise<Principal> | undefined;
}

export function createWardenTokens(opts: WardenTokensOptions): WardenTokens {
  const now = opts.now ?? Date.now;
  const registry = createTokenRegistry(opts.store, now);
  const clockTolerance = Math.round((opts.clockSkewMs ?? 30_000) / 1000);
  const verified = createVerifiedTokenCache({ skewMs: clockTolerance * 1000, now });
  // What every verified payload must still pass on each request: its environment, and the revocation registry.
  const admit = async (payload: JWTPayload): Promise<Principal> => {
    // Lateral movement: a staging token must not work on production (DESIGN.md threat table).
    if (payload.environment !== opts.environment) {
      throw authError("ERR_AUTH_WRONG_ENVIRONMENT", `token environment ${String(payload.environment)}`);
    }
    await checkRegistered(registry, payload.jti as string, payload.sub as string);
    return principalOf(payload, opts.environment);
  };
  return {
    registry,
    verifyKnown(token) {
      const payload = verified.get(token);
      return payload === undefined ? undefined : admit(payload);
    },
    async issue(req) {
      const ttlMs = checkIssue(req, opts);
      const iat = Math.floor(now() / 1000);
      const rec: TokenRecord = {
        jti: randomBytes(16).toString("base64url"),
        sub: req.sub,
        scopes: [...new Set(req.scopes ?? [])],
        env: opts.environment,
        aud: opts.audience,
        iat,
        exp: iat + Math.ceil(ttlMs / 1000),
      };
      const token = await new SignJWT({ scope: rec.scopes.join(" "), environment: rec.env })
        .setProtectedHeader({ alg: "EdDSA", typ: "JWT" })
        .setIssuer(WARDEN_ISSUER)
        .setSubject(rec.sub)
        .setAudience(rec.aud)
        .setJti(rec.jti)
        .setIssuedAt(rec.iat)
        .setExpirationTime(rec.exp)
        .sign(opts.key.privateKey);
      // Registered before it is handed out: an unregistered token is refused by verify().
      await registry.record(rec);
      return { token, record: rec };
    },
    async verify(token) {
      checkTokenSize(token);
      let payload = verified.get(token);
      if (payload === undefined) {
        try {
          ({ payload } = await jwtVerify(token, opts.key.publicKey, {
            issuer: WARDEN_ISSUER,
            audience: opts.audience,
            algorithms: ["EdDSA", "Ed25519"],
            clockTolerance,
            currentDate: new Date(now()),
            requiredClaims: ["exp", "iat", "jti", "sub"],
          }));
        } catch (err) {
          throw fromJoseError(err);
        }
        verified.set(token, payload);
      }
      return admit(payload);
    },
  };
}

async function checkRegistered(registry: TokenRegistry, jti: string, sub: string): Promise<void> {
  let rec: TokenRecord | undefined;
  try {
    rec = await registry.get(jti);
  } catch (err) {
    // Fail closed: an unreadable revocation state refuses the token (ContextForge fail-open pitfall).
    throw authError("ERR_AUTH_UNAVAILABLE", `token registry unavailable: ${(err as Error).message}`);
  }
  if (!rec) throw authError("ERR_AUTH_INVALID_TOKEN", `jti ${jti} is not registered (unknown, foreign or expired)`);
  if (rec.revoked_at !== undefined) throw authError("ERR_AUTH_INVALID_TOKEN", `jti ${jti} was revoked`);
  if (rec.sub !== sub) throw authError("ERR_AUTH_INVALID_TOKEN", `jti ${jti} is registered to another subject`);
}

function checkIssue(req: IssueRequest, opts: WardenTokensOptions): number {
  if (!SUBJECT.test(req.sub)) throw new UsageError("--sub must be 1-256 printable characters");
  for (const scope of req.scopes ?? []) {
    if (!SCOPE_TOKEN.test(scope)) throw new UsageError(`scope ${JSON.stringify(scope)} is not an RFC 6749 scope token`);
  }
  const ttlMs = req.ttlMs ?? opts.defaultTtlMs;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000) throw new UsageError("--ttl must be at least 1s");
  if (ttlMs > ABSOLUTE_MAX_TTL_MS) throw new UsageError("--ttl must be at most 366d");
  if (ttlMs > opts.maxTtlMs && !req.allowLongTtl) {
    throw new UsageError("--ttl exceeds auth.warden_tokens.max_ttl; pass --allow-long-ttl to issue a long-lived token");
  }
  return ttlMs;
}
