// Remembers tokens whose signature and claims were verified, for a short while, so a client sending the same bearer
// token on every request (MCP "Authorization": every HTTP request carries it) is not re-verified each time: measured,
// jose's EdDSA jwtVerify costs ~180 µs of CPU per request here, more than the rest of the gateway's work on a call.
//
// What a hit still gets: the expiry check (exp + the verifier's skew), and every per-request check the caller runs
// after it (warden tokens: the revocation registry, so `tokens revoke` still takes effect on the next request).
// What it trades: a signing key withdrawn from the issuer's JWKS stops tokens already seen at most MAX_AGE_MS later.
// Entries are keyed by a SHA-256 of the token, so the cache holds no bearer secrets; its size is bounded.
import type { JWTPayload } from "jose";
import { sha256 } from "../audit/sha256.ts";

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 4096;

interface Entry {
  payload: JWTPayload;
  /** The entry is unusable from this time on (ms since the epoch). */
  until: number;
}

export interface VerifiedTokenCache {
  /** The verified payload of this exact token, unless it was not seen, is too old, or has expired. */
  get(token: string): JWTPayload | undefined;
  /** Records a payload that passed verification (it must carry `exp`, which the verifiers require). */
  set(token: string, payload: JWTPayload): void;
}

export function createVerifiedTokenCache(opts: { skewMs: number; now?: () => number }): VerifiedTokenCache {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const keyOf = (token: string) => sha256(token, "base64");
  const get = (token: string): JWTPayload | undefined => {
    const key = keyOf(token);
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (now() < entry.until) return entry.payload;
    entries.delete(key);
    return undefined;
  };
  return {
    get,
    set(token, payload) {
      if (typeof payload.exp !== "number") return;
      const until = Math.min(now() + MAX_AGE_MS, payload.exp * 1000 + opts.skewMs);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(keyOf(token), { payload, until });
    },
  };
}
