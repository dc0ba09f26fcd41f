// The engine's prefilter: one case-folding pass over a text finds which detector keywords occur in it, and where
// the digit runs that number-shaped PII (cards, phones, SSNs) needs are.
//
// A per-detector `lower.includes(k)` costs one memchr-like pass per keyword (~130 passes per text); this index
// makes one pass, looking up each position's two-character prefix in a table of keyword buckets. Folding is
// ASCII-only, which is exactly what a non-unicode /i RegExp does (ECMA-262 Canonicalize never maps a non-ASCII
// character to an ASCII one), so the prefilter never hides a match from a case-insensitive pattern.

/** Occurrences kept per keyword; past this the keyword counts as "everywhere" and positions are dropped. */
export const MAX_POSITIONS = 256;

/** Characters a digit run may contain besides digits: every character a phone, card or SSN match can hold. */
const RUN_SEPARATORS = " ().+-";

export interface KeywordHits {
  /** Occurrence count per keyword, capped at MAX_POSITIONS + 1 (0 = absent). */
  readonly counts: Uint16Array;
  /** Start offsets of keyword k's first occurrences, ascending; undefined when it occurs more than MAX_POSITIONS times. */
  positions(k: number): readonly number[] | undefined;
  /**
   * Maximal runs of digits and RUN_SEPARATORS holding at least `minRunDigits` digits, as flat
   * [start, end, digits] triples in text order. A number-shaped match (card, phone, SSN) lies inside one of them.
   */
  readonly digitRuns: readonly number[];
}

export interface KeywordIndex {
  /** Distinct keywords, numbered by their index here. */
  readonly keywords: readonly string[];
  /** One pass over `text` (ASCII case-insensitive). */
  find(text: string): KeywordHits;
}

/** Per ASCII code: 1 digit, 2 run separator, 0 ends a digit run. */
const RUN_CLASS = runClassTable();

function runClassTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = 1;
  for (const ch of RUN_SEPARATORS) table[ch.charCodeAt(0)] = 2;
  return table;
}

/** `minRunDigits`: the fewest digits a reported digit run holds (Infinity: no runs reported). */
export function createKeywordIndex(all: readonly string[], minRunDigits = Number.POSITIVE_INFINITY): KeywordIndex {
  const keywords = [...new Set(all)];
  for (const k of keywords) {
    if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) {
      throw new TypeError(`keyword must be non-empty lower-case printable ASCII: ${JSON.stringify(k)}`);
    }
  }
  // One table indexed by the RAW (unfolded) codes of a position's two characters, holding the bucket of keywords
  // that may start there: both cases of each letter are entered, so the hot loop folds nothing and does one load
  // per character. A one-character keyword is entered with every second character (0 stands for "end of text").
  // Measured on the 8 clean 64 KiB bench documents (process CPU, median of 25, same positions found): the whole
  // pass, with the third-character filter below, ~4.6 → ~3.4 ms.
  const pairs = new Int16Array(128 * 128).fill(-1);
  const buckets: number[][] = [];
  const enter = (code: number, k: number) => {
    if (pairs[code] === -1) {
      pairs[code] = buckets.length;
      buckets.push([]);
    }
    buckets[pairs[code] as number]?.push(k);
  };
  const all128 = Array.from({ length: 128 }, (_, c) => c);
  keywords.forEach((k, i) => {
    const seconds = k.length === 1 ? all128 : cases(k.charCodeAt(1));
    for (const c0 of cases(k.charCodeAt(0))) for (const c1 of seconds) enter(c0 * 128 + c1, i);
  });
  // Third-character filter per bucket: only ~700 of ~4,000 pair hits per clean document are keywords ("re", "ap",
  // "se" start many words); one more table load skips most of the rest before the per-keyword compare.
  const thirds = new Uint8Array(buckets.length * 128);
  buckets.forEach((bucket, b) => {
    for (const k of bucket) {
      const word = keywords[k] ?? "";
      for (const c2 of word.length <= 2 ? all128 : cases(word.charCodeAt(2))) thirds[b * 128 + c2] = 1;
    }
  });
  return { keywords, find: (text) => scan(text, { keywords, pairs, buckets, thirds, minRunDigits }) };
}

/** The raw codes that fold to `c` under ASCII case folding. */
function cases(c: number): number[] {
  return c >= 97 && c <= 122 ? [c, c - 32] : [c];
}

interface Tables {
  readonly keywords: readonly string[];
  readonly pairs: Int16Array;
  readonly buckets: readonly (readonly number[])[];
  /** 1 at [bucket * 128 + c] when a keyword of the bucket may have raw third character c (or is that short). */
  readonly thirds: Uint8Array;
  readonly minRunDigits: number;
}

function scan(text: string, t: Tables): KeywordHits {
  const found = new Uint16Array(t.keywords.length);
  const at: Array<number[] | null> = new Array(t.keywords.length).fill(null);
  const n = text.length;
  const runs = Number.isFinite(t.minRunDigits) ? scanWithRuns(text, t, found, at) : scanKeywords(text, t, found, at);
  // A one-character keyword in the last position (its pair is (c, 0)).
  const last = n > 0 ? (t.pairs[(text.charCodeAt(n - 1) & 127) << 7] as number) : -1;
  if (last >= 0) checkBucket(text, n - 1, t.keywords, t.buckets[last] ?? [], found, at);
  return {
    counts: found,
    positions: (k) => ((found[k] ?? 0) > MAX_POSITIONS ? undefined : (at[k] ?? [])),
    digitRuns: runs,
  };
}

// `pair` rolls the (7-bit) codes of characters i-1 and i: one table load per character, no folding, no lookahead.
// Masking non-ASCII to 7 bits only adds candidates (matchesAt re-checks every character; a masked character may
// lengthen a digit run, never shorten one).

/** Keywords only (no digit-run detector in the engine): the loop stays at one table load per character. */
function scanKeywords(text: string, t: Tables, found: Uint16Array, at: Array<number[] | null>): number[] {
  const { pairs } = t;
  let pair = 0;
  for (let i = 0; i < text.length; i++) {
    pair = ((pair << 7) | (text.charCodeAt(i) & 127)) & 16383;
    const bucket = pairs[pair] as number;
    if (bucket >= 0 && i > 0) onPair(text, i, bucket, t, found, at);
  }
  return [];
}

/**
 * Keywords plus digit runs (one more table load per character) instead of a pass of their own: the card, phone and
 * SSN patterns, each a full-text regex pass, cost ~2.4 ms per 8 clean bench documents, the runs ~1 ms. (A
 * branch-free form of the run update measured slower here.)
 */
function scanWithRuns(text: string, t: Tables, found: Uint16Array, at: Array<number[] | null>): number[] {
  const { pairs, minRunDigits } = t;
  const n = text.length;
  const runs: number[] = [];
  let runStart = 0;
  let digits = 0;
  let pair = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) & 127;
    pair = ((pair << 7) | c) & 16383;
    const run = RUN_CLASS[c] as number;
    if (run === 0) {
      if (digits >= minRunDigits) runs.push(runStart, i, digits);
      digits = 0;
      runStart = i + 1;
    } else digits += run & 1;
    const bucket = pairs[pair] as number;
    if (bucket >= 0 && i > 0) onPair(text, i, bucket, t, found, at);
  }
  if (digits >= minRunDigits) runs.push(runStart, n, digits);
  return runs;
}

/** A candidate pair ends at `i`: the third-character filter, then the bucket's keywords at i - 1. */
function onPair(text: string, i: number, bucket: number, t: Tables, found: Uint16Array, at: Array<number[] | null>) {
  const third = i + 1 < text.length ? text.charCodeAt(i + 1) & 127 : 0;
  if (t.thirds[bucket * 128 + third] === 1) checkBucket(text, i - 1, t.keywords, t.buckets[bucket] ?? [], found, at);
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
  keywords: readonly string[],
  bucket: readonly number[],
  found: Uint16Array,
  at: Array<number[] | null>,
): void {
  for (const k of bucket) {
    if ((found[k] as number) <= MAX_POSITIONS && matchesAt(text, position, keywords[k] ?? "")) {
      record(found, at, k, position);
    }
  }
}

const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

function matchesAt(text: string, at: number, keyword: string): boolean {
  if (at + keyword.length > text.length) return false;
  for (let j = 0; j < keyword.length; j++) {
    if (fold(text.charCodeAt(at + j)) !== keyword.charCodeAt(j)) return false;
  }
  return true;
}
