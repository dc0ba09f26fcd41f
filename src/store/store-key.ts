// Validates store keys and TTLs once for every backend, so a key accepted by one store is accepted by all.
import { OperatorError } from "../errors.ts";
import { MAX_KEY_LENGTH } from "./types.ts";

// Printable ASCII except space (0x21-0x7e): safe as a Redis key and encodable as a file name.
const KEY_PATTERN = /^[\x21-\x7e]+$/;

export function checkKey(key: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new OperatorError("ERR_STORE_UNAVAILABLE", `invalid store key (printable ASCII, 1-${MAX_KEY_LENGTH} chars)`);
  }
  return key;
}

export function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new OperatorError("ERR_STORE_UNAVAILABLE", "store TTL must be a positive integer of milliseconds");
  }
  return ttlMs;
}

/** Wraps a backend failure so callers can tell "unavailable" from "absent" (they must fail closed). */
export function storeFailure(kind: string, op: string, cause: unknown): OperatorError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new OperatorError("ERR_STORE_UNAVAILABLE", `${kind} store: ${op} failed: ${detail}`, { cause });
}
