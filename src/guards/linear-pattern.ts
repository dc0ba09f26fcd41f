// Linear-time regular expressions for untrusted input (RE2 semantics via re2js), so neither an upstream's
// inputSchema `pattern` nor a policy `pattern` can cause catastrophic backtracking (ReDoS, CWE-1333).
import type { RegExpEngine } from "ajv/dist/types/index.js";
import { RE2JS } from "re2js";

export interface LinearPattern {
  /** JSON Schema semantics: true when the pattern matches anywhere in `s` (unanchored search). */
  test(s: string): boolean;
  toString(): string;
}

/**
 * Compiles an ECMA-262 pattern with RE2 semantics (always Unicode-aware, like the `u` flag).
 * Throws for constructs RE2 cannot run in linear time (backreferences, lookahead): callers fail closed.
 */
export function linearPattern(source: string): LinearPattern {
  const re = RE2JS.compile(RE2JS.translateRegExp(source));
  // ajv dedupes compiled patterns by `String(rx)`; the default "[object Object]" would make every pattern of
  // the instance share the first one compiled, so the key must be unique per source.
  const key = `re2:${source}`;
  return { test: (s) => re.test(s), toString: () => key };
}

/** The ajv `code.regExp` engine: every `pattern`/`patternProperties` of a compiled schema runs on RE2. */
export const linearRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, _flags: string) => linearPattern(pattern),
  {
    code: "linearPattern",
  },
);
