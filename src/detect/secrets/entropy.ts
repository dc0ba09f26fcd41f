// Shannon entropy in bits per character: the generic detectors use it to tell random values from words.

// Reused count table for the ASCII range (validators run synchronously, one at a time); others go to a Map.
const ASCII_COUNTS = new Uint32Array(128);

export function shannonEntropy(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  // No Map and no closure unless a character is non-ASCII: validators run per candidate (~80 per secret-dense
  // 64 KiB bench document for generic-api-key), and the allocations showed in its profile.
  let other: Map<number, number> | undefined;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) ASCII_COUNTS[c] = (ASCII_COUNTS[c] as number) + 1;
    else {
      other ??= new Map();
      other.set(c, (other.get(c) ?? 0) + 1);
    }
  }
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const count = c < 128 ? (ASCII_COUNTS[c] as number) : 0;
    if (count > 0) {
      const p = count / n;
      bits -= p * Math.log2(p);
      ASCII_COUNTS[c] = 0;
    }
  }
  if (other) {
    for (const count of other.values()) {
      const p = count / n;
      bits -= p * Math.log2(p);
    }
  }
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
