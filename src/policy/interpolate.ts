// `${env:VAR}` interpolation of policy string values (DESIGN.md "Policy file": secrets come only from the environment).
// Only this one syntax is expanded: `$VAR`, `${VAR}` and `$(cmd)` stay literal, values are not re-expanded, and
// there is no escape for a literal `${env:` (it is always read as a reference).
import { ConfigError } from "../errors.ts";
import { dottedPath, type KeyPath } from "./yaml-locate.ts";

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;
const REFERENCE_START = `\${env:`;

/** Where an error is: the loader supplies file and line for a key path. */
export type Locate = (path: KeyPath) => { file: string; line: number };

/** True when `value` is exactly one `${env:VAR}` reference and nothing else. */
export function isWholeEnvReference(value: string): boolean {
  return /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/.test(value);
}

/** True when `value` contains at least one well-formed `${env:VAR}` reference. */
export function hasEnvReference(value: string): boolean {
  return /\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/.test(value);
}

/** Expands every `${env:VAR}` in one string. A missing or empty variable, or a malformed reference, is a ConfigError. */
export function interpolate(value: string, env: NodeJS.ProcessEnv, path: KeyPath, locate: Locate): string {
  if (!value.includes(REFERENCE_START)) return value;
  const where = () => ({ ...locate(path), key: dottedPath(path) });
  // One pass with a callback: a variable's own value is inserted as-is, never expanded again.
  const expanded = value.replace(ENV_REFERENCE, (_match, name: string) => {
    const found = env[name];
    if (found === undefined || found === "") {
      const state = found === undefined ? "is not set" : "is empty";
      throw new ConfigError("ERR_CONFIG_MISSING_ENV", `environment variable ${name} ${state}`, where());
    }
    return found;
  });
  // A reference that did not match the pattern (e.g. `${env:}`, `${env:1X}`, missing `}`) is a typo, not a literal.
  const rest = value.replace(ENV_REFERENCE, "");
  if (rest.includes(REFERENCE_START)) {
    throw new ConfigError(
      "ERR_CONFIG_INVALID",
      `malformed \${env:VAR} reference (VAR: letters, digits and _, not starting with a digit)`,
      where(),
    );
  }
  return expanded;
}

/** Returns a copy of a parsed YAML tree with every string value (not keys) interpolated. */
export function interpolateTree(tree: unknown, env: NodeJS.ProcessEnv, locate: Locate, path: KeyPath = []): unknown {
  if (typeof tree === "string") return interpolate(tree, env, path, locate);
  if (Array.isArray(tree)) return tree.map((item, i) => interpolateTree(item, env, locate, [...path, i]));
  if (tree !== null && typeof tree === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tree)) {
      // defineProperty, not assignment: a YAML key `__proto__` must stay a plain (unknown, refused) key (CWE-1321).
      const value = interpolateTree(v, env, locate, [...path, k]);
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return tree;
}
