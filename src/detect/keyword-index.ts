// The engine's keyword prefilter: one case-folding pass over a text finds which detector keywords occur in it.
//
// A per-detector `lower.includes(k)` costs one memchr-like pass per keyword (~130 passes per text); this index
// makes one pass, looking up each position's two-character prefix in a table of keyword buckets. Folding is
// ASCII-only, which is exactly what a non-unicode /i RegExp does (ECMA-262 Canonicalize never maps a non-ASCII
// character to an ASCII one), so the prefilter never hides a match from a case-insensitive pattern.

export interface KeywordIndex {
  /** Distinct keywords, in the order their flags appear in `find`'s result. */
  readonly keywords: readonly string[];
  /** One pass over `text`: flag i is 1 when keywords[i] occurs (ASCII case-insensitive). */
  find(text: string): Uint8Array;
}

const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

export function createKeywordIndex(all: readonly string[]): KeywordIndex {
  const keywords = [...new Set(all)];
  for (const k of keywords) {
    if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) {
      throw new TypeError(`keyword must be non-empty lower-case printable ASCII: ${JSON.stringify(k)}`);
    }
  }
  const singles = new Int16Array(128).fill(-1);
  const pairs: Array<number[] | undefined> = new Array(128 * 128);
  keywords.forEach((k, i) => {
    if (k.length === 1) singles[k.charCodeAt(0)] = i;
    else (pairs[k.charCodeAt(0) * 128 + k.charCodeAt(1)] ??= []).push(i);
  });
  return { keywords, find: (text) => scan(text, keywords, singles, pairs) };
}

function scan(
  text: string,
  keywords: readonly string[],
  singles: Int16Array,
  pairs: ReadonlyArray<number[] | undefined>,
): Uint8Array {
  const found = new Uint8Array(keywords.length);
  const n = text.length;
  let next = n > 0 ? fold(text.charCodeAt(0)) : 0;
  for (let i = 0; i < n; i++) {
    const c0 = next;
    next = i + 1 < n ? fold(text.charCodeAt(i + 1)) : 0;
    if (c0 >= 128) continue;
    const single = singles[c0] ?? -1;
    if (single >= 0) found[single] = 1;
    if (next >= 128) continue;
    const bucket = pairs[c0 * 128 + next];
    if (bucket === undefined) continue;
    for (const k of bucket) {
      if (found[k] === 0 && matchesAt(text, i, keywords[k] ?? "")) found[k] = 1;
    }
  }
  return found;
}

function matchesAt(text: string, at: number, keyword: string): boolean {
  if (at + keyword.length > text.length) return false;
  for (let j = 2; j < keyword.length; j++) {
    if (fold(text.charCodeAt(at + j)) !== keyword.charCodeAt(j)) return false;
  }
  return true;
}
