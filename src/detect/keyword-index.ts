// The engine's keyword prefilter: one case-folding pass over a text finds which detector keywords occur in it.
//
// A per-detector `lower.includes(k)` costs one memchr-like pass per keyword (~130 passes per text); this index
// makes one pass, looking up each position's two-character prefix in a table of keyword buckets. Folding is
// ASCII-only, which is exactly what a non-unicode /i RegExp does (ECMA-262 Canonicalize never maps a non-ASCII
// character to an ASCII one), so the prefilter never hides a match from a case-insensitive pattern.

/** Occurrences kept per keyword; past this the keyword counts as "everywhere" and positions are dropped. */
export const MAX_POSITIONS = 256;

export interface KeywordHits {
  /** Occurrence count per keyword, capped at MAX_POSITIONS + 1 (0 = absent). */
  readonly counts: Uint16Array;
  /** Start offsets of keyword k's first occurrences, ascending; undefined when it occurs more than MAX_POSITIONS times. */
  positions(k: number): readonly number[] | undefined;
}

export interface KeywordIndex {
  /** Distinct keywords, numbered by their index here. */
  readonly keywords: readonly string[];
  /** One pass over `text` (ASCII case-insensitive). */
  find(text: string): KeywordHits;
}

const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

export function createKeywordIndex(all: readonly string[]): KeywordIndex {
  const keywords = [...new Set(all)];
  for (const k of keywords) {
    if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) {
      throw new TypeError(`keyword must be non-empty lower-case printable ASCII: ${JSON.stringify(k)}`);
    }
  }
  // Typed tables (dense, monomorphic) keep the hot loop fast: pair code → bucket number, bucket → keyword numbers.
  const singles = new Int16Array(128).fill(-1);
  const pairs = new Int16Array(128 * 128).fill(-1);
  const buckets: number[][] = [];
  keywords.forEach((k, i) => {
    if (k.length === 1) {
      singles[k.charCodeAt(0)] = i;
      return;
    }
    const code = k.charCodeAt(0) * 128 + k.charCodeAt(1);
    if (pairs[code] === -1) {
      pairs[code] = buckets.length;
      buckets.push([]);
    }
    buckets[pairs[code] as number]?.push(i);
  });
  const starts = new Uint8Array(128);
  for (const k of keywords) {
    const c = k.charCodeAt(0);
    starts[c] = 1;
    if (c >= 97 && c <= 122) starts[c - 32] = 1;
  }
  return { keywords, find: (text) => scan(text, { keywords, starts, singles, pairs, buckets }) };
}

interface Tables {
  readonly keywords: readonly string[];
  /** 1 for each raw ASCII code (either case) that some keyword starts with. */
  readonly starts: Uint8Array;
  readonly singles: Int16Array;
  readonly pairs: Int16Array;
  readonly buckets: readonly (readonly number[])[];
}

function scan(text: string, t: Tables): KeywordHits {
  const found = new Uint16Array(t.keywords.length);
  const at: Array<number[] | null> = new Array(t.keywords.length).fill(null);
  const n = text.length;
  const { starts, singles, pairs } = t;
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    // Most characters start no keyword: one table load and move on.
    if (raw >= 128 || starts[raw] === 0) continue;
    const c0 = fold(raw);
    const single = singles[c0] as number;
    if (single >= 0) record(found, at, single, i);
    if (i + 1 >= n) break;
    const c1 = fold(text.charCodeAt(i + 1));
    if (c1 >= 128) continue;
    const bucket = pairs[c0 * 128 + c1] as number;
    if (bucket >= 0) checkBucket(text, i, t, t.buckets[bucket] ?? [], found, at);
  }
  return {
    counts: found,
    positions: (k) => {
      const n = found[k] ?? 0;
      return n > MAX_POSITIONS ? undefined : (at[k] ?? []);
    },
  };
}

function record(found: Uint16Array, at: Array<number[] | null>, k: number, position: number): void {
  const n = found[k] as number;
  if (n > MAX_POSITIONS) return;
  if (n < MAX_POSITIONS) {
    const list = at[k];
    if (list) list.push(position);
    else at[k] = [position];
  }
  found[k] = n + 1;
}

function checkBucket(
  text: string,
  position: number,
  t: Tables,
  bucket: readonly number[],
  found: Uint16Array,
  at: Array<number[] | null>,
): void {
  for (const k of bucket) {
    if ((found[k] as number) <= MAX_POSITIONS && matchesAt(text, position, t.keywords[k] ?? "")) {
      record(found, at, k, position);
    }
  }
}

function matchesAt(text: string, at: number, keyword: string): boolean {
  if (at + keyword.length > text.length) return false;
  for (let j = 2; j < keyword.length; j++) {
    if (fold(text.charCodeAt(at + j)) !== keyword.charCodeAt(j)) return false;
  }
  return true;
}
