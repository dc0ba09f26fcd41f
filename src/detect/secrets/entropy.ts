// Shannon entropy in bits per character: the generic detectors use it to tell random values from words.

// Reused count table for the ASCII range (validators run synchronously, one at a time); others go to a Map.
const ASCII_COUNTS = new Uint32Array(128);

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const other = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) ASCII_COUNTS[c] = (ASCII_COUNTS[c] as number) + 1;
    else other.set(c, (other.get(c) ?? 0) + 1);
  }
  let bits = 0;
  const add = (count: number) => {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const count = c < 128 ? (ASCII_COUNTS[c] as number) : 0;
    if (count > 0) {
      add(count);
      ASCII_COUNTS[c] = 0;
    }
  }
  for (const count of other.values()) add(count);
  return bits;
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
