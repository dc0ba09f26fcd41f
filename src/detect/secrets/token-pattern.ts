// Pattern builders shared by the secret families: a prefixed token, and a value assigned to a secret-named key.
import { type AnchorGuard, anchoredAt } from "../anchor.ts";

/** Escapes a literal for use inside a RegExp source. */
export function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * `prefix` + `body`, not glued to a longer identifier on either side. Every quantifier in `body` must be bounded
 * so that a failed attempt costs at most the token length (the engine relies on it for linear time).
 */
export function prefixedPattern(prefix: string, body: string, tail = "(?![A-Za-z0-9_-])"): RegExp {
  return anchoredAt(new RegExp(`(?<![A-Za-z0-9_])${escapeLiteral(prefix)}${body}${tail}`, "g"), [prefix]);
}

/**
 * A value assigned to a key whose name matches `key`: `KEY=v`, `key: v`, `"key": "v"`, `key := v`, `key => 'v'`.
 * Capture group 1 is the value. Case-insensitive, so `value` character classes should list one case only when
 * the format allows both. `anchors` are the words every alternative of `key` starts with (lower-case); they must
 * also be the detector's keywords, so the engine tries the pattern only where one of them occurs. `value` must
 * match at least `minValue` characters, none of them whitespace, a quote or one of `,;<>()[]{}` (the anchor's guard
 * looks for that many after the operator).
 */
export function assignedPattern(key: string, value: string, anchors: readonly string[], minValue = 1): RegExp {
  const name = `(?<![A-Za-z0-9])(?:${key})[A-Za-z0-9_.-]{0,20}`;
  const operator = `["'\`]?\\s{0,3}(?:=>|:=|[:=])\\s{0,3}["'\`]?`;
  const pattern = new RegExp(`${name}${operator}(${value})(?![A-Za-z0-9_+/=-])`, "gi");
  return anchoredAt(pattern, anchors, undefined, assignmentAt(minValue));
}

/** Characters of a key name (every `key` alternative and the name's tail are made of these). */
const NAME_CHAR = asciiSet(/[A-Za-z0-9_.-]/);
const QUOTE = asciiSet(/["'`]/);
const SPACE = asciiSet(/\s/);
/** Past this many name characters the guard stops looking and lets the pattern decide. */
const MAX_NAME_SCAN = 256;

/** Characters a value may hold: the complement of whitespace, quotes and `,;<>()[]{}` (non-ASCII aside). */
const VALUE_CHAR = asciiSet(/[^\s"'`,;<>()[\]{}]/);

/**
 * The anchor guard of assignedPattern: a match starting at `at` has a key name (name characters only), then
 * optionally a quote, up to three spaces, and "=" or ":". The name must end where the run of name characters ends,
 * since none of the characters after it is one, so that run's end decides. Most keyword occurrences in prose, URLs
 * and code ("/api/v1/items", "access to", "tokens.length") fail here in a few loads instead of a ~0.3 µs sticky
 * attempt: measured on the gateway's 64 KiB log-lines result (762 "api"), generic-api-key went from a ~70 µs
 * full-text pass to ~15 µs. Non-ASCII characters (Unicode spaces, which \s also matches) let the pattern decide.
 * Then `minValue` value characters must follow the operator (see valueFollows): minified code's "apiKey:void 0"
 * and "secret:!1" (~45 of generic-api-key's ~140 sticky attempts per secret-dense bench document) fail here.
 */
function assignmentAt(minValue: number): AnchorGuard {
  return (text, at) => {
    let i = at;
    const stop = Math.min(text.length, at + MAX_NAME_SCAN);
    while (i < stop && isAscii(NAME_CHAR, text.charCodeAt(i))) i++;
    if (i === stop) return true;
    if (isAscii(QUOTE, text.charCodeAt(i))) i++;
    for (let spaces = 0; spaces < 3 && i < text.length && isSpace(text.charCodeAt(i)); spaces++) i++;
    const c = text.charCodeAt(i);
    if (c !== 61 && c !== 58) return false;
    if (valueFollows(text, i + 1, minValue)) return true;
    // "=>" and ":=": the value may also start after the two-character operator.
    const next = text.charCodeAt(i + 1);
    return ((c === 61 && next === 62) || (c === 58 && next === 61)) && valueFollows(text, i + 2, minValue);
  };
}

/**
 * Whether `min` value characters can start after up to three spaces and a quote from `from`. The pattern's optional
 * spaces and quote cannot be left for the value (it holds neither), so the value's start is fixed. A non-ASCII
 * character (perhaps a Unicode space, perhaps a value character) lets the pattern decide.
 */
function valueFollows(text: string, from: number, min: number): boolean {
  let i = from;
  for (let spaces = 0; spaces < 3; spaces++, i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (!isAscii(SPACE, c)) break;
  }
  if (isAscii(QUOTE, text.charCodeAt(i))) i++;
  for (const end = i + min; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (!isAscii(VALUE_CHAR, c)) return false;
  }
  return true;
}

function asciiSet(chars: RegExp): Uint8Array {
  const set = new Uint8Array(128);
  for (let c = 0; c < 128; c++) set[c] = chars.test(String.fromCharCode(c)) ? 1 : 0;
  return set;
}

/** A non-unicode /i class of ASCII letters never matches a non-ASCII character (ECMA-262 Canonicalize). */
function isAscii(set: Uint8Array, c: number): boolean {
  return c < 128 && set[c] === 1;
}

/** Any non-ASCII character may be one of the Unicode spaces \s matches: the guard must not reject what it might. */
function isSpace(c: number): boolean {
  return c >= 128 || SPACE[c] === 1;
}
