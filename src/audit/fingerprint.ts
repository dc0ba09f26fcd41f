// args_fp of DESIGN.md "Audit event": a keyed fingerprint of the arguments, never the arguments themselves.
// HMAC (RFC 2104) rather than a plain hash, so low-entropy arguments cannot be confirmed by guessing without the key.
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical.ts";

export const FINGERPRINT_PREFIX = "hmac-sha256:";

/** `hmac-sha256:` + hex HMAC-SHA256(key, canonicalJson(args)). Equal arguments in any key order fingerprint equally. */
export function argsFingerprint(key: string | Buffer | KeyObject, args: unknown): string {
  return FINGERPRINT_PREFIX + createHmac("sha256", key).update(canonicalJson(args), "utf8").digest("hex");
}

/**
 * The key as a KeyObject, for callers that fingerprint every call: createHmac then skips converting and preparing
 * a string key each time (the audit log's HMAC was ~5% of an HTTP call's CPU in a profile of bench/http.ts). Same
 * bytes (a string key is its UTF-8), so the same fingerprints. An empty key stays as it is (a KeyObject cannot be).
 */
export function fingerprintKey(key: string | Buffer): string | Buffer | KeyObject {
  const bytes = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  return bytes.length === 0 ? key : createSecretKey(bytes);
}
