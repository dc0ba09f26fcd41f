// The first loop of the keyword pass (keyword-index.ts): which 32-bit units of a text hold a pair with a keyword
// bucket, found without a branch per unit; optionally building the run-class bitmaps (member-bits.ts) from the same
// table loads. Each loop has its own function: a function holding both this and the check of the hits measured a
// deoptimization loop.
import { LITTLE_ENDIAN } from "./keyword-tables.ts";

/** A module-local copy for the hot loop (an imported binding can be a getter call, see keyword-index.ts). */
const LITTLE = LITTLE_ENDIAN;

/**
 * The branch-free first loop: stores the indexes of the units [0, end) where either pair has a bucket in `hit`,
 * returns how many.
 */
export function unitsWithHits(quads: Uint32Array, end: number, table: Uint32Array, hit: Int32Array): number {
  let count = 0;
  for (let q = 0; q < end; q++) {
    const x = quads[q] as number;
    hit[count] = q;
    // 1 when either pair has a bucket (buckets are < 2^16).
    count += ((((table[x & 0xffff] as number) | (table[x >>> 16] as number)) & 0xffff) + 0xffff) >>> 16;
  }
  return count;
}

/**
 * unitsWithHits over `words` groups of 8 units (32 characters), also shifting each unit's membership bits (class 0
 * at 0..3, class 1 at 4..7, class 0's counted at 8..11 once the second pair's are moved up by 2) into one bitmap
 * word per map.
 */
export function unitsWithHitsAndBits(
  quads: Uint32Array,
  words: number,
  table: Uint32Array,
  hit: Int32Array,
  maps: readonly Int32Array[],
): number {
  const [first, second, counted] = maps as [Int32Array, Int32Array, Int32Array];
  let count = 0;
  for (let w = 0; w < words; w++) {
    let bitsA = 0;
    let bitsB = 0;
    let bitsC = 0;
    for (let q = w << 3, last = q + 8; q < last; q++) {
      const x = quads[q] as number;
      const lo = table[LITTLE ? x & 0xffff : x >>> 16] as number;
      const hi = table[LITTLE ? x >>> 16 : x & 0xffff] as number;
      hit[count] = q;
      count += (((lo | hi) & 0xffff) + 0xffff) >>> 16;
      const u = (lo >>> 16) | ((hi >>> 16) << 2);
      bitsA = (bitsA >>> 4) | ((u & 15) << 28);
      bitsB = (bitsB >>> 4) | ((u & 0xf0) << 24);
      bitsC = (bitsC >>> 4) | ((u & 0xf00) << 20);
    }
    first[w] = bitsA;
    second[w] = bitsB;
    counted[w] = bitsC;
  }
  return count;
}
