// The registry of issued warden tokens, kept in the WardenStore: what `tokens list` shows and what revocation marks.
// It holds the token's id and claims (jti, sub, scopes, env, exp), never the token itself, so the store is not a
// credential dump. Entries expire with their token (plus a grace period for clock skew).
import type { WardenStore } from "../store/types.ts";

export interface TokenRecord {
  jti: string;
  sub: string;
  scopes: string[];
  env: string;
  aud: string;
  /** Seconds since the epoch, as in the JWT. */
  iat: number;
  exp: number;
  /** Milliseconds since the epoch when revoked. */
  revoked_at?: number;
}

const PREFIX = "tokens:";
const GRACE_MS = 5 * 60_000;

export interface TokenRegistry {
  record(rec: TokenRecord): Promise<void>;
  /** Store failures propagate: the caller must refuse the token (fail closed). */
  get(jti: string): Promise<TokenRecord | undefined>;
  /** Tokens not yet expired, revoked ones included, ordered by expiry. */
  list(): Promise<TokenRecord[]>;
  /** Marks one token revoked; false when no such live token is registered. */
  revokeJti(jti: string): Promise<boolean>;
  /** Marks every live token of `sub` revoked (offboarding); tokens issued afterwards are not affected. */
  revokeSub(sub: string): Promise<number>;
}

export function createTokenRegistry(store: WardenStore, now: () => number = Date.now): TokenRegistry {
  const ttlOf = (rec: TokenRecord) => Math.max(1, rec.exp * 1000 - now() + GRACE_MS);
  const save = (rec: TokenRecord) => store.set(PREFIX + rec.jti, JSON.stringify(rec), { ttlMs: ttlOf(rec) });
  const revoke = async (rec: TokenRecord): Promise<boolean> => {
    if (rec.revoked_at !== undefined) return false;
    await save({ ...rec, revoked_at: now() });
    return true;
  };
  const live = (rec: TokenRecord) => rec.exp * 1000 > now();
  const parsed = createParsedRecords();
  const registry: TokenRegistry = {
    record: save,
    async get(jti) {
      const raw = await store.get(PREFIX + jti);
      return raw === undefined ? undefined : parsed.of(raw);
    },
    async list() {
      const entries = await store.list(PREFIX);
      return entries
        .map((e) => parseRecord(e.value))
        .filter(live)
        .sort((a, b) => a.exp - b.exp);
    },
    async revokeJti(jti) {
      const rec = await registry.get(jti);
      return rec !== undefined && live(rec) && (await revoke(rec));
    },
    async revokeSub(sub) {
      let count = 0;
      for (const rec of await registry.list()) if (rec.sub === sub && (await revoke(rec))) count++;
      return count;
    },
  };
  return registry;
}

// Parsed records by their stored text. Every request of a client reads its token's record (the revocation check), and
// parsing and checking the same text again was ~2% of an HTTP call's CPU (profile of bench/http.ts). Keyed by the
// whole text, so a revoked record (a new text) is never served from here; frozen, since callers share them.
const MAX_PARSED = 1024;

function createParsedRecords(): { of(raw: string): TokenRecord } {
  const byText = new Map<string, TokenRecord>();
  return {
    of(raw) {
      let rec = byText.get(raw);
      if (rec === undefined) {
        rec = Object.freeze(parseRecord(raw)) as TokenRecord;
        if (byText.size >= MAX_PARSED) byText.delete(byText.keys().next().value as string);
        byText.set(raw, rec);
      }
      return rec;
    },
  };
}

function parseRecord(raw: string): TokenRecord {
  const rec = JSON.parse(raw) as TokenRecord;
  if (typeof rec.jti !== "string" || typeof rec.sub !== "string" || typeof rec.exp !== "number") {
    throw new Error("corrupt token registry entry");
  }
  return rec;
}
