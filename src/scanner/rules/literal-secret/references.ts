// Variable references inside config values, by syntax, and whether the reading client expands them.
import type { RefSyntax } from "../../discovery/client-spec.ts";

export interface Reference {
  syntax: RefSyntax;
  name: string;
  start: number;
  end: number;
}

// Alternatives are anchored by distinct literal prefixes and bounded classes: linear time.
const REF =
  /\$\{\{\s*(?:secrets|inputs)\.([A-Za-z0-9_-]{1,128})\s*\}\}|\$\{(env|input):([A-Za-z0-9_.-]{1,128})\}|\$\{([A-Za-z_][A-Za-z0-9_]{0,127})(?::-[^}]{0,256})?\}|\{env:([A-Za-z_][A-Za-z0-9_]{0,127})\}|\$([A-Za-z_][A-Za-z0-9_]{0,127})/g;

export function findReferences(value: string): Reference[] {
  const out: Reference[] = [];
  for (const m of value.matchAll(REF)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (m[1] !== undefined) out.push({ syntax: "continue-secret", name: m[1], start, end });
    else if (m[2] !== undefined)
      out.push({ syntax: m[2] === "env" ? "env-colon" : "input", name: m[3] ?? "", start, end });
    else if (m[4] !== undefined) out.push({ syntax: "dollar-brace", name: m[4], start, end });
    else if (m[5] !== undefined) out.push({ syntax: "brace-env", name: m[5], start, end });
    else out.push({ syntax: "dollar", name: m[6] ?? "", start, end });
  }
  return out;
}

/** VS Code-style predefined variables (${workspaceFolder}, ${userHome}) are not secrets and expand in VS Code forks. */
export const PREDEFINED = new Set([
  "workspaceFolder",
  "workspaceFolderBasename",
  "userHome",
  "pathSeparator",
  "cwd",
  "HOME",
  "PWD",
  "USER",
]);

/** The value with every reference the client expands blanked out (offsets kept), plus the ones it does not. */
export function splitReferences(value: string, expands: readonly RefSyntax[]) {
  // Built in one pass (parts joined once): slicing the whole string per reference would be quadratic.
  const parts: string[] = [];
  const unexpanded: Reference[] = [];
  let last = 0;
  for (const ref of findReferences(value)) {
    if (expands.includes(ref.syntax) || PREDEFINED.has(ref.name)) {
      parts.push(value.slice(last, ref.start), " ".repeat(ref.end - ref.start));
      last = ref.end;
    } else unexpanded.push(ref);
  }
  parts.push(value.slice(last));
  return { literal: parts.join(""), unexpanded };
}
