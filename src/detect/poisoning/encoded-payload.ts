// Encoded payloads: long base64, hex or escape-sequence blobs in a description hide instructions from human
// review while a model can still decode them (CWE-116; "obfuscated prompt injection").
import type { TextRule } from "./types.ts";

/**
 * Runs of the base64/base64url/hex alphabet and of escaped bytes. The patterns carry no length counters (a
 * counter such as {48,} makes the ReDoS checker's automaton explode); lengths are checked in code instead.
 */
const RUN = /[A-Za-z0-9+/_=-]+/g;
const ESCAPED = /(?:\\x[0-9a-fA-F]{2})+|(?:%[0-9a-fA-F]{2})+|(?:\\u[0-9a-fA-F]{4})+/g;
const HEX_ONLY = /^[0-9a-fA-F]+$/;

/** Base64 of 36+ bytes; hex longer than a SHA-256 digest (64), so a pinned digest is not a finding. */
const MIN_BASE64 = 48;
const MIN_HEX = 80;
/** 48+ characters of escapes: 16 `%41`, 12 `\x41` or 8 `\u0041`. */
const MIN_ESCAPED = 48;

/** Bits per character; random base64 is near 6, English words and paths stay well under 4.5. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** Looks like encoded data rather than a path, identifier or URL: mixed classes, few slashes, high entropy. */
function looksEncoded(run: string): boolean {
  if (HEX_ONLY.test(run)) return run.length >= MIN_HEX;
  if (run.length < MIN_BASE64) return false;
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/[0-9]/.test(run)) return false;
  const slashes = run.length - run.replaceAll("/", "").length;
  return slashes <= 2 && entropy(run) >= 4.5;
}

export const encodedPayload: TextRule = {
  id: "encoded-payload",
  description: "Long base64, hex or escaped-byte blobs embedded in descriptions.",
  message: "contains a long encoded blob",
  patterns: [RUN, ESCAPED, HEX_ONLY],
  test(raw) {
    for (const m of raw.matchAll(ESCAPED)) if (m[0].length >= MIN_ESCAPED) return true;
    for (const m of raw.matchAll(RUN)) if (m[0].length >= MIN_BASE64 && looksEncoded(m[0])) return true;
    return false;
  },
};
