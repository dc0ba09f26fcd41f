// ignore-file-gaps: agent ignore files (.cursorignore, .codeiumignore, .geminiignore, .aiexclude, …) that still let
// the agent read .env files, private keys or certificates into its context (CWE-200).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compileIgnore, isIgnored } from "../../gitignore.ts";
import type { Finding } from "../../types.ts";
import { defineRepoRule } from "../define-rule.ts";

export const AGENT_IGNORE_FILES = [
  ".cursorignore",
  ".codeiumignore",
  ".geminiignore",
  ".aiexclude",
  ".aiignore",
  ".clineignore",
  ".continueignore",
  ".windsurfignore",
  ".kiroignore",
];

/** Sample paths each ignore file must exclude, by what they stand for. */
const MUST_EXCLUDE: [string, string][] = [
  [".env", ".env files"],
  ["config/.env.local", ".env files in sub-folders"],
  ["id_rsa", "SSH private keys"],
  ["certs/server.pem", "PEM keys and certificates"],
  ["tls/server.key", "*.key files"],
];

export const ignoreFileGaps = defineRepoRule({
  meta: {
    id: "ignore-file-gaps",
    severity: "low",
    title: "Agent ignore file does not exclude secrets",
    description:
      "An agent ignore file exists but does not exclude `.env*` files, private keys (`id_rsa`, `*.key`) or certificates (`*.pem`), so the agent may read them into its context and send them to its model or tools.",
    rationale:
      "Whatever enters the agent's context can be echoed into tool calls or prompts of third parties (CWE-200).",
    fix: "Add `.env*`, `**/.env*`, `*.pem`, `*.key`, `id_rsa*` and `*.p12` to the ignore file.",
    cwe: "CWE-200",
  },
  async check(ctx) {
    const out: Finding[] = [];
    for (const root of ctx.roots) {
      for (const rel of root.files.filter((f) => AGENT_IGNORE_FILES.includes(f))) {
        const rules = compileIgnore(await readFile(join(root.root, rel), "utf8").catch(() => ""));
        const missing = MUST_EXCLUDE.filter(([sample]) => !isIgnored(rules, sample)).map(([, what]) => what);
        if (missing.length === 0) continue;
        const file = root.display ? `${root.display}/${rel}` : rel;
        out.push({
          rule: "ignore-file-gaps",
          severity: "low",
          file,
          line: 1,
          column: 1,
          location: "",
          message: `${rel} does not exclude ${missing.join(", ")}`,
        });
      }
    }
    return out;
  },
});
