// Maps store keys to file names and back: readable percent-encoding, or a hash for long keys (NAME_MAX is 255).
import { createHash } from "node:crypto";

const SAFE = /^[A-Za-z0-9_-]$/;
const MAX_READABLE = 200;
/** Prefix of hashed names; "~" never appears unescaped in a readable name. */
const HASHED = "~h-";

export function fileNameFor(key: string): string {
  let name = "";
  for (const ch of key) {
    name += SAFE.test(ch) ? ch : `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
  }
  if (name.length <= MAX_READABLE) return name;
  return HASHED + createHash("sha256").update(key).digest("hex");
}

/** The key a readable name stands for, or undefined when the name is hashed (the key is then read from the file). */
export function keyFromFileName(name: string): string | undefined {
  if (name.startsWith(HASHED)) return undefined;
  return name.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export function isHashedName(name: string): boolean {
  return name.startsWith(HASHED);
}
