// The engine's keyword prefilter: one case-folding pass over a text finds which detector keywords occur in it.
//
// A per-detector `lower.includes(k)` costs one memchr-like pass per keyword (~130 passes per text; measured ~15–40 µs
// per keyword per 64 KiB); this index makes one pass over the text's bytes (ascii-bytes.ts), looking up the pair of
// characters at each even position in a table of keyword buckets (keyword-tables.ts, keyword-units.ts). Folding is ASCII-only, which is exactly what a
// non-unicode /i RegExp does (ECMA-262 Canonicalize never maps a non-ASCII character to an ASCII one), so the
// prefilter never hides a match from a case-insensitive pattern. A keyword with an upper-case letter matches its
// exact case only (isExactCase), for case-sensitive patterns.
import type { AsciiBytes } from "./ascii-bytes.ts";
import { type KeywordTables, keywordTables, LITTLE_ENDIAN } from "./keyword-tables.ts";
import { unitsWithHits, unitsWithHitsAndBits } from "./keyword-units.ts";
import { bitmaps, finishBits, SLOTS_PER_GROUP } from "./member-bits.ts";

/**
 * A module-local copy: the hot loops read it per unit, and where modules are compiled to CommonJS (tsx, which runs
 * the tests and benchmarks) an imported binding is a getter call; measured ~2.5× slower scans once it went megamorphic.
 */
const LITTLE = LITTLE_ENDIAN;

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
  /**
   * When the index was given a membership table: the bitmaps of its two run classes' members and of class 0's
   * counted characters (see memberBits, charRuns).
   */
  readonly bits?: readonly Int32Array[];
  /** Occurrence count per keyword, capped at positionLimit + 1 (0 = absent). */
  readonly counts: Int32Array;
  /** Start offsets of keyword k's occurrences, ascending; undefined when it occurs more than positionLimit times. */
  positions(k: number): readonly number[] | undefined;
}

export interface KeywordIndex {
  /** Distinct keywords, numbered by their index here. */
  readonly keywords: readonly string[];
  /** One pass over `text` (ASCII case-insensitive; exact for exact-case keywords), given as asciiBytes(text). */
  find(text: string, ascii: AsciiBytes): KeywordHits;
}

/**
 * `membership` (pairMembership of ≤ 2 run classes): the pass also builds their membership bitmaps, from the same
 * loads (measured ~35 µs per 64 KiB as a separate pass, ~20 µs more inside this one).
 */
export function createKeywordIndex(all: readonly string[], membership?: Uint16Array): KeywordIndex {
  const keywords = [...new Set(all)];
  for (const k of keywords) {
    if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k)) {
      throw new TypeError(`keyword must be non-empty printable ASCII: ${JSON.stringify(k)}`);
    }
  }
  const tables = keywordTables(keywords, membership);
  const withBits = membership !== undefined;
  return { keywords, find: (text, ascii) => scan(text, ascii, tables, withBits) };
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
  /** Keywords whose positions were found out of order (entries at both parities, see keyword-tables.ts). */
  readonly unsorted: Uint8Array;
}

function scan(text: string, { bytes, quads, exact }: AsciiBytes, t: KeywordTables, withBits: boolean): KeywordHits {
  const n = text.length;
  const k = t.keywords.length;
  const counts = new Int32Array(k);
  const limit = positionLimit(n);
  const at = new Array<number[] | null>(k).fill(null);
  const found: Found = { text, bytes, exact, t, counts, limit, at, unsorted: new Uint8Array(k) };
  const bits = withBits ? bitmaps(n, 0, SLOTS_PER_GROUP) : undefined;
  pass(quads, bytes, n, found, bits);
  found.unsorted.forEach((u, id) => {
    if (u === 1) at[id]?.sort((a, b) => a - b);
  });
  return new Hits(counts, bits, at, limit);
}

/**
 * The hits of one pass. A class with fixed fields, and one instance (`retained`) kept for the life of the module, so
 * that every scan's hits share one map that never dies. Objects of a shape no live object holds lose their map at
 * a full collection (V8 holds map transitions weakly), and optimised code that checked for that map is thrown away:
 * the object literal this replaces (a spread and a per-scan closure; no hits object outlives its scan) cost, after
 * every full collection, deoptimised scanWindow, passesPrefilter and anchorStarts and ~60 ms of TurboFan recompiling
 * (background threads, counted in process CPU time). Measured in the detector bench, which collects before each
 * sample (--trace-deopt: "weak objects", "wrong map"): secrets + PII on the secret-dense documents 44–61 → 77–82 MB/s.
 */
class Hits implements KeywordHits {
  /** Never read: keeps the map of Hits instances alive. */
  static readonly retained = new Hits(new Int32Array(0), undefined, [], 0);
  readonly counts: Int32Array;
  readonly bits: readonly Int32Array[] | undefined;
  private readonly at: ReadonlyArray<number[] | null>;
  private readonly limit: number;

  constructor(counts: Int32Array, bits: readonly Int32Array[] | undefined, at: Array<number[] | null>, limit: number) {
    this.counts = counts;
    this.bits = bits;
    this.at = at;
    this.limit = limit;
  }

  positions(id: number): readonly number[] | undefined {
    return (this.counts[id] ?? 0) > this.limit ? undefined : (this.at[id] ?? []);
  }
}

/** Reused across scans (scanning is synchronous): the 32-bit units of the pass that hold a pair hit. */
let candidates = new Int32Array(16 * 1024 + 16);

/**
 * The pass: one 32-bit load reads four characters, i.e. the pairs at the even positions p and p + 2, and one table
 * load per pair gives the bucket of keyword entries it may belong to. Every occurrence of a keyword covers a pair at
 * an even position (see keyword-tables.ts), so this is one load per two characters. Reads up to 3 of the zero
 * bytes asciiBytes puts after the text.
 *
 * Pair hits are ~5% of the pairs in prose and logs, at random: a branch on them mispredicts ~10 ns each. So the
 * first loop only appends each unit's index to `candidates` and advances the end by 1 when it hit (no branch), and
 * the second looks at those, checking the characters around each hit pair (`before`, `after`) before any
 * per-keyword compare. Measured per 64 KiB document (Node 20, no run bitmaps): ~20 µs for the bare loop; the pass
 * ~105 µs on the clean bench documents, ~150 µs on the secret-dense ones, ~80 µs on the gateway's log-lines result,
 * against ~185, ~210 and ~150 µs for one rolling two-character table load per character (the previous pass).
 */
function pass(quads: Uint32Array, bytes: Uint8Array, n: number, found: Found, bits?: readonly Int32Array[]): void {
  const end = (n + 3) >> 2;
  if (candidates.length < end + 8) candidates = new Int32Array(end + 8 + (end >> 3));
  const count = bits
    ? unitsWithHitsAndBits(quads, (n + 31) >> 5, found.t.table, candidates, bits)
    : unitsWithHits(quads, end, found.t.table, candidates);
  if (bits) finishBits(bits, n);
  checkUnits(candidates, count, quads, bytes, found);
}

/** Checks the characters around each hit pair (`before`, `after`), then its bucket's keywords. */
function checkUnits(hit: Int32Array, count: number, quads: Uint32Array, bytes: Uint8Array, found: Found): void {
  const { table, before, after } = found.t;
  for (let i = 0; i < count; i++) {
    const p = (hit[i] as number) << 2;
    const x = quads[p >> 2] as number;
    const first = (table[LITTLE ? x & 0xffff : x >>> 16] as number) & 0xffff;
    const second = (table[LITTLE ? x >>> 16 : x & 0xffff] as number) & 0xffff;
    // Row 0 of before/after is all zeros, so a pair without a bucket never passes.
    const prev = p === 0 ? 0 : (bytes[p - 1] as number);
    if (((before[(first << 7) | prev] as number) & (after[(first << 7) | (bytes[p + 2] as number)] as number)) !== 0) {
      checkBucket(p, first, found);
    }
    if (
      ((before[(second << 7) | (bytes[p + 1] as number)] as number) &
        (after[(second << 7) | (bytes[p + 4] as number)] as number)) !==
      0
    ) {
      checkBucket(p + 2, second, found);
    }
  }
}

/** Records each keyword of `bucket` (1-based) that occurs where the pair at `p` says it may. */
function checkBucket(p: number, bucket: number, found: Found): void {
  const { entryStart, entryKeyword, entryOffset, keywords } = found.t;
  const last = entryStart[bucket + 1] as number;
  for (let e = entryStart[bucket] as number; e < last; e++) {
    const k = entryKeyword[e] as number;
    const position = p - (entryOffset[e] as number);
    const seen = found.counts[k] as number;
    if (seen > found.limit || position < 0 || !bytesMatch(found, position, k)) continue;
    if (!found.exact && !textMatches(found.text, position, keywords[k] ?? "", found.t.fold[k] as Uint8Array)) continue;
    if (seen < found.limit) {
      const list = found.at[k];
      if (!list) found.at[k] = [position];
      else {
        if ((list[list.length - 1] as number) > position) found.unsorted[k] = 1;
        list.push(position);
      }
    }
    found.counts[k] = seen + 1;
  }
}

function bytesMatch(found: Found, at: number, k: number): boolean {
  const { keywordBytes, keywordStart } = found.t;
  const fold = found.t.fold[k] as Uint8Array;
  const from = keywordStart[k] as number;
  const length = (keywordStart[k + 1] as number) - from;
  if (at + length > found.text.length) return false;
  const { bytes } = found;
  for (let j = 0; j < length; j++) {
    if (fold[bytes[at + j] as number] !== keywordBytes[from + j]) return false;
  }
  return true;
}

function textMatches(text: string, at: number, keyword: string, fold: Uint8Array): boolean {
  for (let j = 0; j < keyword.length; j++) {
    const c = text.charCodeAt(at + j);
    if ((c < 128 ? fold[c] : c) !== keyword.charCodeAt(j)) return false;
  }
  return true;
}
