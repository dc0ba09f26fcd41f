// dotenv-exposed: .env files committed to git, or not covered by .gitignore — the usual home of the secrets MCP
// configs reference (CWE-538: sensitive information in an externally accessible file).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compileIgnore, isIgnored } from "../../gitignore.ts";
import type { Finding } from "../../types.ts";
import { defineRepoRule } from "../define-rule.ts";

const DOTENV = /(?:^|\/)\.env(?:\.[^/]+)?$/;
const TEMPLATE = /\.(?:example|sample|template|dist|defaults|schema|tpl)$/i;

export const dotenvExposed = defineRepoRule({
  meta: {
    id: "dotenv-exposed",
    severity: "high",
    title: ".env file committed or not ignored by git",
    description:
      "A `.env` or `.env.*` file (other than templates such as `.env.example`) is tracked by git, or no .gitignore rule covers it.",
    rationale:
      "The secrets that MCP configs reference through environment variables usually live in .env files; once committed they are in the history for good (CWE-538).",
    fix: "Add `.env*` and `!.env.example` to .gitignore, `git rm --cached` the file, and rotate every secret it held.",
    cwe: "CWE-538",
  },
  async check(ctx) {
    const out: Finding[] = [];
    for (const root of ctx.roots) {
      const envFiles = root.files.filter((f) => DOTENV.test(f) && !TEMPLATE.test(f));
      if (envFiles.length === 0) continue;
      const tracked = await ctx.git?.tracked(root.root);
      const ignore = compileIgnore(await readFile(join(root.root, ".gitignore"), "utf8").catch(() => ""));
      for (const rel of envFiles) {
        const file = root.display ? `${root.display}/${rel}` : rel;
        const base = { rule: "dotenv-exposed", file, line: 1, column: 1, location: "" } as const;
        if (tracked?.has(rel)) {
          out.push({
            ...base,
            severity: "high",
            message: `${rel} is committed to git: its secrets are in the history`,
          });
        } else if (!isIgnored(ignore, rel)) {
          out.push({
            ...base,
            severity: "medium",
            message: `${rel} is not ignored by .gitignore and can be committed by accident`,
          });
        }
      }
    }
    return out;
  },
});
