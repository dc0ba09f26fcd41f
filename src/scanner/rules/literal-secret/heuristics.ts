// Literal credentials recognised by where they sit (a sensitive env/header name, a --token flag, a password in a
// connection string) rather than by their format. Complements the shared detectors (src/detect).
import { isFiller } from "../../../detect/secrets/placeholder.ts";

const SENSITIVE_KEY =
  /token|secret|passw(?:or)?d|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth(?!oriz(?:ed|e_))|credential|cookie|bearer|signing|^key$|_key$/i;
const NOT_SECRET_KEY =
  /(?:_url|_uri|_path|_file|_dir|_endpoint|_host|_port|_type|_mode|_region|_enabled|_timeout|_header|_name|_user(?:name)?)$/i;
const SECRET_FLAG =
  /^--?(?:api[_-]?key|token|access[_-]?token|auth[_-]?token|password|secret|client[_-]?secret|key|bearer)$/i;
const CONN_PASSWORD = /^[a-z][a-z0-9+.-]{1,20}:\/\/[^:/@\s]{0,256}:([^@/\s]{1,256})@/i;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key) && !NOT_SECRET_KEY.test(key);
}

/** The part of a value that is the credential (after an auth scheme), or undefined when it is not plausible. */
export function credentialPart(value: string): { start: number; end: number } | undefined {
  const scheme = /^(?:bearer|basic|token|apikey)\s+/i.exec(value);
  const start = scheme ? scheme[0].length : 0;
  const text = value.slice(start).trim();
  if (text.length < 8 || /\s/.test(text) || isFiller(text)) return undefined;
  if (/^(?:https?:|\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(text)) return undefined;
  if (/^\d+$/.test(text) || /^(true|false|null)$/i.test(text)) return undefined;
  return { start, end: start + text.length };
}

export function isSecretFlag(word: string): boolean {
  return SECRET_FLAG.test(word);
}

/** `--api-key=VALUE` → the value's span inside the argument. */
export function flagAssignment(arg: string): { start: number; end: number } | undefined {
  const m = /^(--?[A-Za-z][A-Za-z0-9_-]{0,64})=(.+)$/.exec(arg);
  if (!m?.[1] || !m[2] || !isSecretFlag(m[1])) return undefined;
  const part = credentialPart(m[2]);
  const offset = m[1].length + 1;
  return part ? { start: offset + part.start, end: offset + part.end } : undefined;
}

/** The password of `scheme://user:password@host`, unless it is a reference or filler. */
export function connectionPassword(value: string): { start: number; end: number } | undefined {
  const m = CONN_PASSWORD.exec(value);
  const password = m?.[1];
  if (!m || !password || isFiller(password) || password.trim() === "") return undefined;
  const end = m[0].length - 1;
  return { start: end - password.length, end };
}
