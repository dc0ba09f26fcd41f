// The environment variable name --fix gives a moved secret: the env key itself, else SERVER_KEY from the header
// or flag name, upper-cased to the portable [A-Z0-9_] set (POSIX.1-2017 §8.1).
import type { Finding } from "../types.ts";

export function varNameFor(finding: Finding, previousArg: string | undefined): string {
  const path = finding.path ?? [];
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === "string" && (parent === "env" || parent === "environment" || parent === "envs")) {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(last)) return last;
  }
  const key = typeof last === "string" ? last : (previousArg?.replace(/^-+/, "") ?? "secret");
  return sanitize(`${finding.server ?? "mcp"}_${key}`);
}

export function sanitize(name: string): string {
  const s = name
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[0-9]/.test(s) ? `_${s}` : s || "MCP_SECRET";
}
