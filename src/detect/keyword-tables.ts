// The lookup tables behind the keyword index's one pass (keyword-index.ts), built once per engine. Flat typed
// arrays rather than arrays of arrays and strings: the pass reads them per character and per candidate.

export interface KeywordTables {
  readonly keywords: readonly string[];
  /**
   * Indexed by the RAW (unfolded) 7-bit codes of a character and the one before it (previous << 7 | current): the
   * 1-based bucket of keywords that may start at the previous one (0: none). Both cases of each letter are
   * entered, so the pass folds nothing and does one load per character.
   */
  readonly table: Uint16Array;
  /**
   * 1 at [bucket << 7 | c] when a keyword of the (1-based) bucket may have raw third character c, or is shorter.
   * Only ~700 of ~4,000 pair hits per clean 64 KiB document are keywords ("re", "ap", "se" start many words); this
   * one more load skips most of the rest before any per-keyword compare.
   */
  readonly thirds: Uint8Array;
  /** Keyword ids of bucket b (1-based): members[memberStart[b] .. memberStart[b + 1]). */
  readonly members: Int32Array;
  readonly memberStart: Int32Array;
  /** Keyword k's (lower-case) bytes: keywordBytes[keywordStart[k] .. keywordStart[k + 1]). */
  readonly keywordBytes: Uint8Array;
  readonly keywordStart: Int32Array;
  /** ASCII lower-casing of a 7-bit code. */
  readonly lower: Uint8Array;
}

export function keywordTables(keywords: readonly string[]): KeywordTables {
  const { buckets, bucketOf } = pairBuckets(keywords);
  const table = Uint16Array.from(bucketOf, (b) => b + 1);
  const thirds = new Uint8Array((buckets.length + 1) * 128);
  buckets.forEach((bucket, b) => {
    for (const k of bucket) {
      const word = keywords[k] ?? "";
      for (const c2 of word.length <= 2 ? ALL_CODES : cases(word.charCodeAt(2))) thirds[((b + 1) << 7) | c2] = 1;
    }
  });
  const memberStart = new Int32Array(buckets.length + 2);
  buckets.forEach((bucket, b) => {
    memberStart[b + 2] = (memberStart[b + 1] as number) + bucket.length;
  });
  const keywordStart = new Int32Array(keywords.length + 1);
  keywords.forEach((k, i) => {
    keywordStart[i + 1] = (keywordStart[i] as number) + k.length;
  });
  const lower = new Uint8Array(128);
  for (let c = 0; c < 128; c++) lower[c] = c >= 65 && c <= 90 ? c + 32 : c;
  return {
    keywords,
    table,
    thirds,
    members: Int32Array.from(buckets.flat()),
    memberStart,
    keywordBytes: Uint8Array.from(keywords.join(""), (ch) => ch.charCodeAt(0)),
    keywordStart,
    lower,
  };
}

const ALL_CODES = Array.from({ length: 128 }, (_, c) => c);

/** The bucket (0-based index into `buckets`, or -1) of keywords that may start at each raw pair of 7-bit codes. */
function pairBuckets(keywords: readonly string[]): { buckets: number[][]; bucketOf: Int16Array } {
  const bucketOf = new Int16Array(128 * 128).fill(-1);
  const buckets: number[][] = [];
  const enter = (pair: number, k: number) => {
    if (bucketOf[pair] === -1) {
      bucketOf[pair] = buckets.length;
      buckets.push([]);
    }
    buckets[bucketOf[pair] as number]?.push(k);
  };
  // A one-character keyword is entered with every second character (0 stands for "end of text").
  keywords.forEach((k, i) => {
    const seconds = k.length === 1 ? ALL_CODES : cases(k.charCodeAt(1));
    for (const c0 of cases(k.charCodeAt(0))) for (const c1 of seconds) enter(c0 * 128 + c1, i);
  });
  return { buckets, bucketOf };
}

/** The raw codes that fold to `c` under ASCII case folding. */
function cases(c: number): number[] {
  return c >= 97 && c <= 122 ? [c, c - 32] : [c];
}
