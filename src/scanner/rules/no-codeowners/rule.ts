// no-codeowners: MCP config files no CODEOWNERS rule assigns to a reviewer, so a pull request can add a server or
// a credential without security review.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compileIgnore, type IgnoreRule, ruleMatches } from "../../gitignore.ts";
import type { Finding } from "../../types.ts";
import { defineRepoRule } from "../define-rule.ts";

const LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"];

export const noCodeowners = defineRepoRule({
  meta: {
    id: "no-codeowners",
    severity: "low",
    title: "MCP config not covered by CODEOWNERS",
    description:
      "A project-level MCP client config is not matched by any CODEOWNERS rule with an owner, or the repository has no CODEOWNERS file.",
    rationale:
      "Adding a server to a shared config gives every teammate's agent a new program to run; required review by an owner is the control that catches a malicious or careless change.",
    fix: "Add a CODEOWNERS rule such as `/.mcp.json @org/security` (and enable required code-owner review on the default branch).",
  },
  async check(ctx) {
    const out: Finding[] = [];
    for (const root of ctx.roots) {
      const configs = ctx.configFiles.filter((c) => c.file.startsWith(`${root.root}/`));
      if (configs.length === 0) continue;
      const location = LOCATIONS.find((l) => root.files.includes(l));
      const rules = location ? ownedRules(await readFile(join(root.root, location), "utf8").catch(() => "")) : [];
      for (const cfg of configs) {
        const rel = cfg.file.slice(root.root.length + 1);
        if (rules.some((r) => ruleMatches(r, rel))) continue;
        const file = root.display ? `${root.display}/${rel}` : rel;
        const why = location
          ? `no ${location} rule with an owner matches ${rel}`
          : "the repository has no CODEOWNERS file";
        out.push({
          rule: "no-codeowners",
          severity: "low",
          file,
          line: 1,
          column: 1,
          client: cfg.client,
          location: "",
          message: why,
        });
      }
    }
    return out;
  },
});

/** CODEOWNERS lines with at least one owner; a pattern with no owner removes ownership (last match wins). */
function ownedRules(text: string): IgnoreRule[] {
  const owned = text
    .split(/\r?\n/)
    .filter((l) => /^\s*[^#\s]\S*\s+@?\S+/.test(l))
    .join("\n");
  return compileIgnore(owned);
}
