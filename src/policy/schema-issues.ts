// Turns zod issues into located problems: a key path, whether to point at the key or the value, and a short detail.
import type { z } from "zod";
import type { KeyPath } from "./yaml-locate.ts";

export interface SchemaProblem {
  path: KeyPath;
  at: "key" | "value";
  detail: string;
}

type Issue = z.core.$ZodIssue;

/**
 * A union reports one issue list per branch; the branch with the fewest issues, preferring one that got past the
 * type check at its root, is the branch the author meant (an upstream with `command` is a stdio upstream).
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const score = (issues: readonly Issue[]) =>
    issues.length + (issues.some((i) => i.code === "invalid_type" && i.path.length === 0) ? 1000 : 0);
  let best: readonly Issue[] = branches[0] ?? [];
  for (const branch of branches) if (score(branch) < score(best)) best = branch;
  return best;
}

function flatten(issues: readonly Issue[], prefix: KeyPath = []): { issue: Issue; path: KeyPath }[] {
  const out: { issue: Issue; path: KeyPath }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === "invalid_union" && issue.errors.length > 0) out.push(...flatten(bestBranch(issue.errors), path));
    else out.push({ issue, path });
  }
  return out;
}

function valueAt(tree: unknown, path: KeyPath): unknown {
  let node = tree;
  for (const seg of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function describe(issue: Issue): string {
  return issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "");
}

/** Located problems for every zod issue, in the schema's order. `tree` is the validated input. */
export function schemaProblems(issues: readonly Issue[], tree: unknown): SchemaProblem[] {
  return flatten(issues).map(({ issue, path }) => {
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0] ?? "?";
      const more = issue.keys.length > 1 ? ` (also: ${issue.keys.slice(1).join(", ")})` : "";
      return { path: [...path, key], at: "key", detail: `unknown key "${key}"${more}` };
    }
    if (valueAt(tree, path) === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      return { path, at: "key", detail: `required key "${String(path.at(-1))}" is missing` };
    }
    return { path, at: "value", detail: describe(issue) };
  });
}
