// The engine's keyword prefilter: one case-folding pass over a text finds which detector keywords occur in it.
//
// A per-detector `lower.includes(k)` costs one memchr-like pass per keyword (~130 passes per text; measured ~30 µs
// per keyword per 64 KiB); this index makes one pass over the text's bytes (ascii-bytes.ts), looking up each
// position's two-character prefix in a table of keyword buckets. Folding is ASCII-only, which is exactly what a
// non-unicode /i RegExp does (ECMA-262 Canonicalize never maps a non-ASCII character to an ASCII one), so the
// prefilter never hides a match from a case-insensitive pattern.
import type { AsciiBytes } from "./ascii-bytes.ts";
import { type KeywordTables, keywordTables } from "./keyword-tables.ts";

/**
 * Occurrences kept per keyword: max(MAX_POSITIONS, text length / 16); past this the keyword counts as "everywhere"
 * and positions are dropped. Scaled with the text because an anchored attempt is cheap next to a full-text pass
 * when a guard rejects it (see the engine): the gateway's 64 KiB log-lines result holds 762 "api" (one per line).
 */
export const MAX_POSITIONS = 256;

export function positionLimit(textLength: number): number {
  return Math.max(MAX_POSITIONS, textLength >> 4);
}

export interface KeywordHits {
  /** Occurrence count per keyword, capped at positionLimit + 1 (0 = absent). */
  readonly counts: Int32Array;
  /** Start offsets of keyword k's occurrences, ascending; undefined when it occurs more than positionLimit times. */
  positions(k: number): readonly number[] | undefined;
}

export interface KeywordIndex {
  /** Distinct keywords, numbered by their index here. */
  readonly keywords: readonly string[];
  /** One pass over `text` (ASCII case-insensitive), given as asciiBytes(text). */
  find(text: string, ascii: AsciiBytes): KeywordHits;
}

export function createKeywordIndex(all: readonly string[]): KeywordIndex {
  const keywords = [...new Set(all)];
  for (const k of keywords) {
    if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) {
      throw new TypeError(`keyword must be non-empty lower-case printable ASCII: ${JSON.stringify(k)}`);
    }
  }
  const tables = keywordTables(keywords);
  return { keywords, find: (text, ascii) => scan(text, ascii, tables) };
}

/** What recording a keyword occurrence needs. */
interface Found {
  readonly text: string;
  readonly bytes: Uint8Array;
  /** False when `bytes` masks non-ASCII characters: then a byte-level keyword match is re-checked on the text. */
  readonly exact: boolean;
  readonly t: KeywordTables;
  readonly counts: Int32Array;
  /** positionLimit of the text. */
  readonly limit: number;
  readonly at: Array<number[] | null>;
}

function scan(text: string, { bytes, exact }: AsciiBytes, t: KeywordTables): KeywordHits {
  const n = text.length;
  const counts = new Int32Array(t.keywords.length);
  const limit = positionLimit(n);
  const found: Found = { text, bytes, exact, t, counts, limit, at: new Array(t.keywords.length).fill(null) };
  pass(bytes, n, found);
  return {
    counts,
    positions: (k) => ((counts[k] ?? 0) > limit ? undefined : (found.at[k] ?? [])),
  };
}

/**
 * The one pass. `pair` rolls the 7-bit codes of characters i-1 and i; one load of the pair table gives the bucket of
 * keywords that may start at i-1, a second load (only on a bucket hit) filters on character i+1. It runs to i = n
 * over the zero bytes asciiBytes puts after the text, so that a one-character keyword in the last position (pair
 * (c, 0)) is seen. Measured on a 64 KiB clean document: ~105 µs (the bare loop of one table load: ~65 µs).
 */
function pass(bytes: Uint8Array, n: number, found: Found): void {
  const { table, thirds } = found.t;
  let pair = 0;
  for (let i = 0; i <= n; i++) {
    pair = ((pair << 7) | (bytes[i] as number)) & 16383;
    const bucket = table[pair] as number;
    if (bucket !== 0 && thirds[(bucket << 7) | (bytes[i + 1] as number)] === 1) checkBucket(i - 1, bucket, found);
  }
}

/** Records each keyword of `bucket` (1-based) that occurs at `position`. */
function checkBucket(position: number, bucket: number, found: Found): void {
  const { members, memberStart, keywords } = found.t;
  const last = memberStart[bucket + 1] as number;
  for (let m = memberStart[bucket] as number; m < last; m++) {
    const k = members[m] as number;
    const seen = found.counts[k] as number;
    if (seen > found.limit || !bytesMatch(found, position, k)) continue;
    if (!found.exact && !textMatches(found.text, position, keywords[k] ?? "")) continue;
    if (seen < found.limit) {
      const list = found.at[k];
      if (list) list.push(position);
      else found.at[k] = [position];
    }
    found.counts[k] = seen + 1;
  }
}

function bytesMatch(found: Found, at: number, k: number): boolean {
  const { keywordBytes, keywordStart, lower } = found.t;
  const from = keywordStart[k] as number;
  const length = (keywordStart[k + 1] as number) - from;
  if (at + length > found.text.length) return false;
  const { bytes } = found;
  for (let j = 0; j < length; j++) {
    if (lower[bytes[at + j] as number] !== keywordBytes[from + j]) return false;
  }
  return true;
}

function textMatches(text: string, at: number, keyword: string): boolean {
  for (let j = 0; j < keyword.length; j++) {
    const c = text.charCodeAt(at + j);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== keyword.charCodeAt(j)) return false;
  }
  return true;
}
