// Encoded payloads: long base64, hex or escape-sequence blobs in a description hide instructions from human
// review while a model can still decode them (CWE-116; "obfuscated prompt injection").
import type { TextRule } from "./types.ts";

/** Base64 / base64url runs of 48+ characters (36+ decoded bytes). Single class plus bounded padding: linear. */
const BASE64 = /[A-Za-z0-9+/_-]{48,}={0,2}/g;
/** Hex runs longer than a SHA-256 digest (64), so a pinned digest in a description is not a finding. */
const HEX = /\b[0-9a-fA-F]{80,}\b/;
/** `\x41\x42…` or `%41%42…` runs of 16+ escaped bytes. */
const ESCAPED = /(?:\\x[0-9a-fA-F]{2}){16,}|(?:%[0-9a-fA-F]{2}){16,}|(?:\\u[0-9a-fA-F]{4}){12,}/;

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
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/[0-9]/.test(run)) return false;
  const slashes = run.length - run.replaceAll("/", "").length;
  return slashes <= 2 && entropy(run) >= 4.5;
}

export const encodedPayload: TextRule = {
  id: "encoded-payload",
  description: "Long base64, hex or escaped-byte blobs embedded in descriptions.",
  message: "contains a long encoded blob",
  patterns: [BASE64, HEX, ESCAPED],
  test(raw) {
    if (HEX.test(raw) || ESCAPED.test(raw)) return true;
    for (const m of raw.matchAll(BASE64)) if (looksEncoded(m[0])) return true;
    return false;
  },
};
