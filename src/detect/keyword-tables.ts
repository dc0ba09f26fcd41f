// The lookup tables behind the keyword index's pass (keyword-index.ts), built once per engine. Flat typed arrays
// rather than arrays of arrays and strings: the pass reads them per sampled pair and per candidate.
import { charRarity, pairRarity } from "./char-rarity.ts";

export interface KeywordTables {
  readonly keywords: readonly string[];
  /**
   * Indexed by pairKey(raw 7-bit codes at an EVEN position p and p + 1): in the low 16 bits the 1-based bucket of
   * keyword entries that this pair may belong to (0: none), above them the pair's run-class membership bits
   * (pairMembership, see member-bits.ts), so the pass finds both with one load. Both cases of each letter are
   * entered (one for an exact-case keyword), so the pass folds nothing.
   */
  readonly table: Uint32Array;
  /**
   * 1 at [bucket << 7 | c] when some entry of the (1-based) bucket admits raw code c just before the sampled pair
   * (the keyword's char there, or any when the keyword starts at the pair): `after` likewise for the char after it.
   * Two loads that reject most pair hits before any per-keyword compare: "ed" keys "redis" but occurs in every
   * "served", "us" keys "-us" but occurs in every "status".
   */
  readonly before: Uint8Array;
  readonly after: Uint8Array;
  /** Entries of bucket b (1-based): entryKeyword/entryOffset[entryStart[b] .. entryStart[b + 1]). */
  readonly entryStart: Int32Array;
  readonly entryKeyword: Int32Array;
  /** Where the pair sits in the keyword: the keyword would start at p - offset (offset -1: one char after p). */
  readonly entryOffset: Int32Array;
  /** Keyword k's bytes: keywordBytes[keywordStart[k] .. keywordStart[k + 1]). */
  readonly keywordBytes: Uint8Array;
  readonly keywordStart: Int32Array;
  /** Per keyword, how a text's 7-bit code is compared with its bytes: ASCII lower-casing, or as is (exact case). */
  readonly fold: readonly Uint8Array[];
}

/**
 * Whether a keyword matches only its exact case: it holds an upper-case letter (lower-case keywords match any case).
 * For case-sensitive formats whose literal is a common fragment in lower case: Twilio's "AC" occurs ~170 times per
 * clean 64 KiB bench document as "ac" ("access", hex ids) and about once upper-case, and its odd-start pair ("c"
 * and any character) hit ~590 times. Measured: the pass's units with a pair hit per clean bench document went from
 * ~3,620 to ~2,830 with the exact-case keywords of Twilio, AWS, SendGrid, Telegram, 1Password, GCP, Azure and JWT.
 */
export function isExactCase(keyword: string): boolean {
  return /[A-Z]/.test(keyword);
}

/** Whether typed-array reads are little-endian: a Uint16Array read of bytes (p, p + 1) is bytes[p] | bytes[p + 1] << 8. */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The value a Uint16Array view reads for the two bytes (first, second). */
export function pairKey(first: number, second: number): number {
  return LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second;
}

/** One way a sampled pair can belong to an occurrence of keyword `keyword`: it starts `offset` chars before it. */
interface Entry {
  readonly keyword: number;
  readonly offset: number;
}

export function keywordTables(keywords: readonly string[], membership?: Uint16Array): KeywordTables {
  const byPair = new Map<number, Entry[]>();
  const enter = (first: readonly number[], second: readonly number[], entry: Entry) => {
    for (const a of first) {
      for (const b of second) {
        const key = pairKey(a, b);
        const list = byPair.get(key) ?? [];
        if (!list.some((e) => e.keyword === entry.keyword && e.offset === entry.offset)) list.push(entry);
        byPair.set(key, list);
      }
    }
  };
  keywords.forEach((word, keyword) => {
    const exact = isExactCase(word);
    for (const { at, offset } of sampledPairs(word, keywords)) {
      const first = at < 0 ? ALL_CODES : cases(word.charCodeAt(at), exact);
      const second = at + 1 >= word.length ? ALL_CODES : cases(word.charCodeAt(at + 1), exact);
      enter(first, second, { keyword, offset });
    }
  });
  const tables = tablesOf(keywords, [...byPair]);
  if (membership)
    membership.forEach((bits, key) => {
      tables.table[key] = (tables.table[key] as number) | (bits << 16);
    });
  return tables;
}

/**
 * The pairs that catch every occurrence of `word` when only even positions are sampled: one for occurrences at an
 * even start, one for odd starts. For a word of ≥ 3 chars each is its rarest pair at that parity (a common pair
 * such as "re" or "in" costs a per-keyword compare at each of its many occurrences). `at` is the pair's first char
 * in the word (-1: the char before the word, any), `offset` where the word starts relative to the sampled position.
 */
function sampledPairs(word: string, keywords: readonly string[]): Array<{ at: number; offset: number }> {
  if (word.length === 1)
    return [
      { at: 0, offset: 0 },
      { at: -1, offset: -1 },
    ];
  const rarest = (parity: number) => {
    let best = parity;
    for (let j = parity; j + 1 < word.length; j += 2) {
      if (pairRarity(word, j, keywords) > pairRarity(word, best, keywords)) best = j;
    }
    return best;
  };
  if (word.length === 2) {
    // Odd start: the sampled pair is (char before, word[0]) or (word[1], char after); the rarer char decides.
    const odd = charRarity(word.charCodeAt(0)) >= charRarity(word.charCodeAt(1)) ? -1 : 1;
    return [
      { at: 0, offset: 0 },
      { at: odd, offset: odd },
    ];
  }
  const even = rarest(0);
  const odd = rarest(1);
  return [
    { at: even, offset: even },
    { at: odd, offset: odd },
  ];
}

function tablesOf(keywords: readonly string[], pairs: Array<[number, Entry[]]>): KeywordTables {
  // Pairs with the same entries share a bucket: the single-character keys ("+", "@", the odd starts of "ac") enter
  // 128 pairs each, so the default keywords need ~190 before/after rows instead of ~1,700 (215 KB per table).
  const bucketOf = new Map<string, number>();
  const buckets: Entry[][] = [];
  const table = new Uint32Array(1 << 15);
  for (const [key, entries] of pairs) {
    const signature = entries.map((e) => `${e.keyword}@${e.offset}`).join(" ");
    let b = bucketOf.get(signature);
    if (b === undefined) {
      b = buckets.push(entries);
      bucketOf.set(signature, b);
    }
    table[key] = b;
  }
  const entryStart = new Int32Array(buckets.length + 2);
  const before = new Uint8Array((buckets.length + 1) << 7);
  const after = new Uint8Array((buckets.length + 1) << 7);
  buckets.forEach((entries, b) => {
    entryStart[b + 2] = (entryStart[b + 1] as number) + entries.length;
    for (const { keyword, offset } of entries) {
      const word = keywords[keyword] ?? "";
      admit(before, b + 1, word, offset - 1);
      admit(after, b + 1, word, offset + 2);
    }
  });
  const flat = buckets.flat();
  const keywordStart = new Int32Array(keywords.length + 1);
  keywords.forEach((k, i) => {
    keywordStart[i + 1] = (keywordStart[i] as number) + k.length;
  });
  const lower = new Uint8Array(128);
  const same = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    lower[c] = c >= 65 && c <= 90 ? c + 32 : c;
    same[c] = c;
  }
  return {
    keywords,
    table,
    before,
    after,
    entryStart,
    entryKeyword: Int32Array.from(flat, (e) => e.keyword),
    entryOffset: Int32Array.from(flat, (e) => e.offset),
    keywordBytes: Uint8Array.from(keywords.join(""), (ch) => ch.charCodeAt(0)),
    keywordStart,
    fold: keywords.map((k) => (isExactCase(k) ? same : lower)),
  };
}

/** Marks the codes `word[at]` may be (any code outside the word) in row `bucket` of a before/after table. */
function admit(rows: Uint8Array, bucket: number, word: string, at: number): void {
  const codes = at < 0 || at >= word.length ? ALL_CODES : cases(word.charCodeAt(at), isExactCase(word));
  for (const c of codes) rows[(bucket << 7) | c] = 1;
}

const ALL_CODES = Array.from({ length: 128 }, (_, c) => c);

/** The raw codes that fold to `c` under ASCII case folding, or `c` alone in an exact-case keyword. */
function cases(c: number, exact: boolean): number[] {
  return !exact && c >= 97 && c <= 122 ? [c, c - 32] : [c];
}
