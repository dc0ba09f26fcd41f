// Shannon entropy in bits per character: the generic detectors use it to tell random values from words.

// Reused count table for the ASCII range (validators run synchronously, one at a time); others go to a Map.
const ASCII_COUNTS = new Uint32Array(128);
/** The distinct ASCII codes of the value being measured, in order of first occurrence (reused likewise). */
const FIRST_SEEN = new Uint8Array(128);

/**
 * Longest value whose terms are memoised (generic values are at most 256 chars); longer ones, such as AWS session
 * tokens, compute theirs. At most ~260 KB of rows, for values of every length up to it.
 */
const MEMO_LENGTH = 256;
/** TERMS[n][c] = p · log2(p) for p = c / n, each row filled when a value of length n is first measured. */
const TERMS: Array<Float64Array | undefined> = [];

/**
 * Shannon entropy of `value`. The terms p · log2(p) are memoised per (length, count) and summed in the same order
 * as before (ASCII characters by first occurrence, then the others), so every result is the same double: validators
 * compare it with thresholds. ~70 values per secret-dense bench document; measured on the bench's fixture token
 * values (~65 chars): ~0.65 → ~0.25 µs per value (no Math.log2 per distinct character, no second pass over the value).
 */
export function shannonEntropy(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  // No Map and no closure unless a character is non-ASCII: validators run per candidate (~80 per secret-dense
  // 64 KiB bench document for generic-api-key), and the allocations showed in its profile.
  let other: Map<number, number> | undefined;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) {
      const count = ASCII_COUNTS[c] as number;
      if (count === 0) FIRST_SEEN[distinct++] = c;
      ASCII_COUNTS[c] = count + 1;
    } else {
      other ??= new Map();
      other.set(c, (other.get(c) ?? 0) + 1);
    }
  }
  const terms = n <= MEMO_LENGTH ? (TERMS[n] ?? termsOf(n)) : undefined;
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const c = FIRST_SEEN[k] as number;
    const count = ASCII_COUNTS[c] as number;
    bits -= terms ? (terms[count] as number) : term(count, n);
    ASCII_COUNTS[c] = 0;
  }
  if (other) for (const count of other.values()) bits -= term(count, n);
  return bits;
}

function term(count: number, n: number): number {
  const p = count / n;
  return p * Math.log2(p);
}

function termsOf(n: number): Float64Array {
  const row = new Float64Array(n + 1);
  for (let c = 1; c <= n; c++) row[c] = term(c, n);
  TERMS[n] = row;
  return row;
}

/** Number of character classes present among lower, upper, digit, other. */
export function charClasses(value: string): number {
  let mask = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1;
    else if (c >= 65 && c <= 90) mask |= 2;
    else if (c >= 48 && c <= 57) mask |= 4;
    else mask |= 8;
  }
  return ((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1)) as number;
}
