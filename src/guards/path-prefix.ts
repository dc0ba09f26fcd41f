// The policy's `path_prefix` argument constraint: a path must stay inside one of the allowed directories
// (CWE-22 path traversal). Checked on the string the server will receive, with POSIX semantics.
import { posix } from "node:path";

/**
 * Characters whose NFKC form is a dot or a slash (fullwidth ．／, one-dot leader ․, division slash ∕ …): a server
 * that normalises Unicode would see a traversal we did not. We refuse them rather than guess.
 */
function hasCompatibilityDotsOrSlashes(value: string): boolean {
  if (!/[^\x00-\x7f]/.test(value)) return false;
  const count = (s: string) => s.split(/[./]/).length;
  return count(value.normalize("NFKC")) !== count(value);
}

/**
 * Why a value cannot be checked as a path, or undefined. Fail closed on anything another layer could decode
 * differently: NUL and control characters (C truncation, CWE-158), percent escapes (%2e%2e), backslashes
 * (Windows separators), `~` (home expansion by the server) and relative paths (the server's cwd is not ours).
 */
function rejectReason(value: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(value)) return "control character";
  if (/%[0-9a-fA-F]{2}/.test(value)) return "percent escape";
  if (value.includes("\\")) return "backslash";
  if (!value.startsWith("/")) return "not absolute";
  if (hasCompatibilityDotsOrSlashes(value)) return "unicode dot or slash";
  return undefined;
}

/**
 * Normalises an allowed prefix once: absolute, `..`/`.`/`//` resolved, no trailing slash (except the root).
 * A relative prefix resolves against the gateway's working directory.
 */
export function normalizePrefix(prefix: string): string {
  return posix.resolve(prefix);
}

/**
 * True when `value` resolves to one of `prefixes` (already normalised) or below it; `/data` never admits
 * `/data-evil`. Symbolic links are the server's to resolve: we never touch its filesystem.
 */
export function insidePrefixes(value: string, prefixes: readonly string[]): boolean {
  if (rejectReason(value) !== undefined) return false;
  const resolved = posix.resolve(value);
  for (const prefix of prefixes) {
    if (prefix === "/" || resolved === prefix || resolved.startsWith(`${prefix}/`)) return true;
  }
  return false;
}
