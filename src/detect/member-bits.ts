// Membership bitmaps of a text for the run classes (see char-runs.ts): bit i of a class's bitmap is set when the
// character at i is a member. Built four characters at a time, for two classes per pass (the engine's first two
// inside the keyword pass, keyword-units.ts), so that runs are found with word operations instead of a branch per
// character.

import { LITTLE_ENDIAN } from "./keyword-tables.ts";

/** A module-local copy for the hot loop (an imported binding can be a getter call, see keyword-index.ts). */
const LITTLE = LITTLE_ENDIAN;

/** Classes per pass: each takes 4 bits (two characters of two pairs) of an 8-bit table entry. */
export const CLASSES_PER_PASS = 2;

/**
 * For up to two class tables (runClassTable: per 7-bit code, MEMBER | COUNTED bits): indexed by the pairKey of two
 * characters, bit 4c of the entry is set when the first is a member of class c, bit 4c + 1 when the second is; bits
 * 8 and 9 likewise for class 0's counted characters (the keyword pass builds that bitmap too, see charRuns).
 */
export function pairMembership(tables: readonly Uint8Array[]): Uint16Array {
  if (tables.length > CLASSES_PER_PASS) throw new RangeError(`at most ${CLASSES_PER_PASS} classes per pass`);
  const entries = new Uint16Array(1 << 15);
  for (let first = 0; first < 128; first++) {
    for (let second = 0; second < 128; second++) {
      let bits = 0;
      tables.forEach((t, c) => {
        if (t[first] !== 0) bits |= 1 << (4 * c);
        if (t[second] !== 0) bits |= 2 << (4 * c);
      });
      const counted = tables[0];
      if (counted && ((counted[first] as number) & COUNTED) !== 0) bits |= 1 << 8;
      if (counted && ((counted[second] as number) & COUNTED) !== 0) bits |= 2 << 8;
      entries[LITTLE ? first | (second << 8) : (first << 8) | second] = bits;
    }
  }
  return entries;
}

/** The COUNTED bit of a runClassTable entry (see char-runs.ts). */
const COUNTED = 1;

/** Bitmaps per class group: the two classes' members and class 0's counted characters. */
export const SLOTS_PER_GROUP = 3;

/** Reused across scans (scanning is synchronous): one bitmap per class slot. */
const pool: Int32Array[] = [];

function pooled(slot: number, words: number): Int32Array {
  let map = pool[slot];
  if (map === undefined || map.length < words + 1) {
    map = new Int32Array(words + 1 + (words >> 3));
    pool[slot] = map;
  }
  return map;
}

/**
 * The bitmaps of the two classes of `membership` (pairMembership of ≤ 2 classes) over characters [0, n): 32
 * characters per word, plus one zero word after the last. `quads` must be readable (and zero past n) up to the next
 * multiple of 32 characters, as asciiBytes provides. Valid until the next call with the same `slot` (of the first
 * class: an engine with more than CLASSES_PER_PASS classes passes one slot pair per group). Measured: ~35 µs per
 * 64 KiB (the keyword pass's bare loop, one load per two characters: ~20 µs).
 */
export function memberBits(quads: Uint32Array, n: number, membership: Uint16Array, slot = 0): Int32Array[] {
  const maps = bitmaps(n, slot, 2);
  fill(quads, (n + 31) >> 5, membership, maps[0] as Int32Array, maps[1] as Int32Array);
  finishBits(maps, n);
  return maps;
}

/** `count` pooled bitmaps from slot `slot` on, for a text of n characters (contents undefined). */
export function bitmaps(n: number, slot: number, count: number): Int32Array[] {
  const words = (n + 31) >> 5;
  // A plain loop: Array.from with a mapping callback was a fifth of the cost of scanning a short text.
  const maps: Int32Array[] = [];
  for (let i = 0; i < count; i++) maps.push(pooled(slot + i, words));
  return maps;
}

/** Clears the bits past character n (not the text's, whatever their class) and sets the zero word after the last. */
export function finishBits(pair: readonly Int32Array[], n: number): void {
  const words = (n + 31) >> 5;
  const tail = n & 31;
  for (const map of pair) {
    if (tail !== 0) map[words - 1] = (map[words - 1] as number) & ((1 << tail) - 1);
    map[words] = 0;
  }
}

/** The hot loop of memberBits, alone in its function (sharing one with the rest measured a deoptimization loop). */
function fill(quads: Uint32Array, words: number, membership: Uint16Array, first: Int32Array, second: Int32Array): void {
  for (let w = 0; w < words; w++) {
    let bitsA = 0;
    let bitsB = 0;
    const base = w << 3;
    for (let k = 0; k < 8; k++) {
      const x = quads[base + k] as number;
      const lo = LITTLE ? x & 0xffff : x >>> 16;
      const hi = LITTLE ? x >>> 16 : x & 0xffff;
      // Class 0's four bits, in text order, at 0 .. 3; class 1's at 4 .. 7. Shifted in from the top.
      const u = (membership[lo] as number) | ((membership[hi] as number) << 2);
      bitsA = (bitsA >>> 4) | ((u & 15) << 28);
      bitsB = (bitsB >>> 4) | ((u & 0xf0) << 24);
    }
    first[w] = bitsA;
    second[w] = bitsB;
  }
}
