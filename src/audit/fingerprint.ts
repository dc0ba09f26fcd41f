// args_fp of DESIGN.md "Audit event": a keyed fingerprint of the arguments, never the arguments themselves.
// HMAC (RFC 2104) rather than a plain hash, so low-entropy arguments cannot be confirmed by guessing without the key.
import { createHmac } from "node:crypto";
import { canonicalJson } from "./canonical.ts";

export const FINGERPRINT_PREFIX = "hmac-sha256:";

/** `hmac-sha256:` + hex HMAC-SHA256(key, canonicalJson(args)). Equal arguments in any key order fingerprint equally. */
export function argsFingerprint(key: string | Buffer, args: unknown): string {
  return FINGERPRINT_PREFIX + createHmac("sha256", key).update(canonicalJson(args), "utf8").digest("hex");
}
