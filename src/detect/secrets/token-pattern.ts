// Pattern builders shared by the secret families: a prefixed token, and a value assigned to a secret-named key.
import { anchoredAt } from "../anchor.ts";

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
 * also be the detector's keywords, so the engine tries the pattern only where one of them occurs.
 */
export function assignedPattern(key: string, value: string, anchors: readonly string[]): RegExp {
  const name = `(?<![A-Za-z0-9])(?:${key})[A-Za-z0-9_.-]{0,20}`;
  const operator = `["'\`]?\\s{0,3}(?:=>|:=|[:=])\\s{0,3}["'\`]?`;
  return anchoredAt(new RegExp(`${name}${operator}(${value})(?![A-Za-z0-9_+/=-])`, "gi"), anchors);
}
