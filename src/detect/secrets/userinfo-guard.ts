// The anchor guard of URLs with credentials (scheme://user:password@host): a cheap necessary condition at a scheme.
import type { AnchorGuard } from "../anchor.ts";

/** The longest user or password part any of these patterns accepts (RFC 3986 sets none; the patterns bound them). */
const MAX_PART = 256;

const SCHEME = asciiSet(/[A-Za-z0-9+.-]/);
/** Characters that end the user part ([^\s:@/"'<>]) and the password part (the same but ":"), ASCII only. */
const USER_STOP = asciiSet(/[\s:@/"'<>]/);
const PASSWORD_STOP = asciiSet(/[\s@/"'<>]/);

/**
 * False when no `scheme://user:password@` can start at `at`: after the scheme's characters and "://", the run of
 * user characters must end at ":" and the non-empty run of password characters after it at "@", each within
 * MAX_PART. Most URLs in logs and prose have no userinfo and fail at their first "/": measured on the clean bench
 * documents, ~64 "http" occurrences per 64 KiB, each a ~0.15 µs sticky attempt of basic-auth-url without the guard.
 * A non-ASCII character lets the pattern decide (\s matches Unicode spaces, and other characters may be userinfo).
 */
export const userinfoFollows: AnchorGuard = (text, at) => {
  let i = at;
  while (i < text.length && i - at <= 32 && isIn(SCHEME, text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 47 || text.charCodeAt(i + 2) !== 47) return false;
  const user = runEnd(text, i + 3, USER_STOP);
  if (user < 0) return true;
  if (text.charCodeAt(user) !== 58) return false;
  const password = runEnd(text, user + 1, PASSWORD_STOP);
  if (password < 0) return true;
  return password > user + 1 && text.charCodeAt(password) === 64;
};

/** Where the run of non-`stop` characters from `from` ends; -1 at a non-ASCII character; past MAX_PART, the end. */
function runEnd(text: string, from: number, stop: Uint8Array): number {
  const last = Math.min(text.length, from + MAX_PART + 1);
  for (let i = from; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (stop[c] === 1) return i;
  }
  return last;
}

function isIn(set: Uint8Array, c: number): boolean {
  return c < 128 && set[c] === 1;
}

function asciiSet(chars: RegExp): Uint8Array {
  const set = new Uint8Array(128);
  for (let c = 0; c < 128; c++) set[c] = chars.test(String.fromCharCode(c)) ? 1 : 0;
  return set;
}
