// Where run-shaped matches (cards, phones, SSNs: digit runs; IBANs: runs of capitals, digits and spaces) can be:
// the maximal runs of a character class that hold enough counted characters. Found from membership bitmaps
// (member-bits.ts) with word operations rather than by looking at each character. IBAN-shaped runs replace a
// full-text regex pass of ~60 µs per clean bench document.

/** Class-table entry bits: a member of the run class (2), counted toward the minimum (1). */
const MEMBER = 2;
const COUNTED = 1;

/** The class table of a run: per 7-bit code, MEMBER | COUNTED bits. `counted` must lie within `chars`. */
export function runClassTable(chars: RegExp, counted: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    const member = chars.test(ch);
    if (counted.test(ch) && !member) throw new TypeError(`run: counted ${counted} is not within ${chars}`);
    table[c] = (member ? MEMBER : 0) | (counted.test(ch) ? COUNTED : 0);
  }
  return table;
}

/**
 * Maximal runs of `table` members in `bytes[0, n)` (7-bit codes, see ascii-bytes.ts) holding at least `min` (≥ 1)
 * counted characters, as flat [start, end, counted] triples in text order, given the class's membership bitmap
 * (member-bits.ts) and, when known, the bitmap of its counted characters. Such a run is at least `min` characters
 * long: word operations find the starts of member runs of at least min(min, 32) characters, and only those runs are
 * measured (with the bitmaps, or walked when no counted bitmap is given). Linear: each word is read a bounded
 * number of times. Measured per 64 KiB (Node 20): the bitmaps cost ~35 µs for both classes as a separate
 * pass, ~20 µs inside the keyword pass; the runs ~10–25 µs per class; sampling every min-th character and walking
 * the runs found there (the previous way; most runs are short: a date, a space between words) cost ~100 µs (digits)
 * and ~55 µs (IBAN) per clean bench document.
 */
export function charRuns(
  bits: Int32Array,
  counted: Int32Array | undefined,
  bytes: Uint8Array,
  n: number,
  table: Uint8Array,
  min: number,
): number[] {
  const runs: number[] = [];
  const long = Math.min(min, 32);
  const words = (n + 31) >> 5;
  let floor = 0;
  for (let w = 0; w < words; w++) {
    const x = bits[w] as number;
    if (x === 0 || (long >= 8 && !mayStartLongRun(x, bits[w + 1] as number))) continue;
    let starts = longRunStarts(x, bits[w + 1] as number, long);
    // Runs starting before `floor` were measured already.
    const skip = floor - (w << 5);
    if (skip > 0) starts = skip >= 32 ? 0 : starts & (-1 << skip);
    while (starts !== 0) {
      const start = (w << 5) + ctz(starts);
      const end = counted ? runEnd(bits, start) : walkEnd(bytes, n, table, start);
      const count = counted ? countBits(counted, start, end) : walkCount(bytes, table, start, end);
      if (count >= min) runs.push(start, end, count);
      floor = end;
      const rest = end - (w << 5);
      starts = rest >= 32 ? 0 : starts & (-1 << rest);
    }
  }
  return runs;
}

/**
 * A necessary condition for a run of ≥ 8 set bits to start in word `x`: it covers a whole aligned nibble, in `x` or
 * (starting at bit 29–31) the low nibble of `next`. Cheaper than longRunStarts, which most words of a log or of
 * prose then skip (measured ~10–15% off the run finding on the gateway's log-lines result).
 */
function mayStartLongRun(x: number, next: number): boolean {
  let y = x & (x >>> 1);
  y &= y >>> 2;
  return (y & 0x11111111) !== 0 || (x < 0 && (next & 15) === 15);
}

/** The first clear bit at or after `start` (bits past the text are clear). */
function runEnd(bits: Int32Array, start: number): number {
  let w = start >> 5;
  let gaps = ~(bits[w] as number) & (-1 << (start & 31));
  while (gaps === 0) gaps = ~(bits[++w] as number);
  return (w << 5) + ctz(gaps);
}

/** Set bits of [start, end). */
function countBits(bits: Int32Array, start: number, end: number): number {
  let total = 0;
  for (let w = start >> 5; w << 5 < end; w++) {
    let v = bits[w] as number;
    const from = start - (w << 5);
    const to = end - (w << 5);
    if (from > 0) v &= -1 << from;
    if (to < 32) v &= (1 << to) - 1;
    total += popcount(v);
  }
  return total;
}

function walkEnd(bytes: Uint8Array, n: number, table: Uint8Array, start: number): number {
  let end = start;
  while (end < n && table[bytes[end] as number] !== 0) end++;
  return end;
}

function walkCount(bytes: Uint8Array, table: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) count += (table[bytes[i] as number] as number) & COUNTED;
  return count;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Bits j of word `x` such that characters j .. j + length - 1 of the 64 characters (x, then `next`) are all set
 * (1 ≤ length ≤ 32): spans of set bits doubled by shifted ANDs, then topped up to `length`. Straight-line code (a
 * loop over the steps measured ~2× slower); its branches go the same way on every call of a scan.
 */
function longRunStarts(x: number, next: number, length: number): number {
  let lo = x;
  let hi = next;
  let span = 1;
  if (length >= 2) {
    lo &= (lo >>> 1) | (hi << 31);
    hi &= hi >>> 1;
    span = 2;
  }
  if (length >= 4) {
    lo &= (lo >>> 2) | (hi << 30);
    hi &= hi >>> 2;
    span = 4;
  }
  if (length >= 8) {
    lo &= (lo >>> 4) | (hi << 28);
    hi &= hi >>> 4;
    span = 8;
  }
  if (length >= 16) {
    lo &= (lo >>> 8) | (hi << 24);
    hi &= hi >>> 8;
    span = 16;
  }
  if (length >= 32) {
    lo &= (lo >>> 16) | (hi << 16);
    span = 32;
  }
  const rest = length - span;
  return rest > 0 ? lo & ((lo >>> rest) | (hi << (32 - rest))) : lo;
}

/** Index of the lowest set bit of a non-zero 32-bit value. */
function ctz(v: number): number {
  return 31 - Math.clz32(v & -v);
}
