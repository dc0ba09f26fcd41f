// Invisible Unicode in tool definitions: tag characters, zero-width and bidi controls that hide text from humans
// while the model still reads it ("ASCII smuggling", CWE-116; Unicode TR36 §2 and the Trojan Source bidi attack, CVE-2021-42574).

/**
 * U+E0000–U+E007F tag characters, U+200B–U+200F zero-width and direction marks, U+202A–U+202E and U+2066–U+2069
 * bidi embeddings/isolates, U+2060–U+2064 word joiner and invisible operators, U+FEFF BOM, U+00AD soft hyphen,
 * U+034F combining grapheme joiner, U+061C Arabic letter mark, U+180E Mongolian vowel separator.
 * One character class plus one literal (U+034F is a combining mark, kept out of the class): linear-time.
 */
export const INVISIBLE_UNICODE_PATTERN =
  /\u034F|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

export const INVISIBLE_UNICODE_RULE = "invisible-unicode";

export function hasInvisibleUnicode(text: string): boolean {
  INVISIBLE_UNICODE_PATTERN.lastIndex = 0;
  const found = INVISIBLE_UNICODE_PATTERN.test(text);
  INVISIBLE_UNICODE_PATTERN.lastIndex = 0;
  return found;
}

export function stripInvisibleUnicode(text: string): string {
  return text.replace(INVISIBLE_UNICODE_PATTERN, "");
}
