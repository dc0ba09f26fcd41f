// Checksums used by token formats: CRC32 (IEEE 802.3) rendered in base62, as in GitHub's and npm's token formats.

const CRC_TABLE = buildCrcTable();
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC32 of an ASCII string (each char code taken as one byte). */
export function crc32(ascii: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < ascii.length; i++) {
    crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] ?? 0);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 (0-9A-Za-z) of a non-negative integer, left-padded with "0" to `width`. */
export function base62(value: number, width: number): string {
  let out = "";
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}

/**
 * GitHub classic / npm token layout: prefix + 30 random base62 chars + 6-char base62 CRC32 of the random part
 * (github.blog 2021-04-05 "Behind GitHub's new authentication token formats"; npm adopted it in 2021).
 */
export function hasCrc32Base62Checksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, token.length - 6);
  const check = token.slice(token.length - 6);
  return base62(crc32(body), 6) === check;
}
