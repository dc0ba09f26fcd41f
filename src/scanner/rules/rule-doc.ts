// Renders a rule's documentation (docs/rules/<id>.md and `mcp-warden explain`) from its metadata.
import type { RuleMeta } from "../types.ts";

export function ruleDoc(meta: RuleMeta): string {
  return [
    `# ${meta.id}`,
    "",
    `<!-- Generated from src/scanner/rules/${meta.id}/rule.ts by scripts/gen-rule-docs.ts; do not edit. -->`,
    "",
    `**${meta.title}** — default severity: \`${meta.severity}\`${meta.cwe ? ` — ${meta.cwe}` : ""}`,
    "",
    "## What it finds",
    "",
    meta.description,
    "",
    "## Why it matters",
    "",
    meta.rationale,
    "",
    "## How to fix",
    "",
    meta.fix,
    "",
    "## Examples",
    "",
    `Fixtures: \`src/scanner/rules/${meta.id}/fixtures/\` (\`invalid-*\` folders with their expected findings, \`valid-*\` folders that must stay clean).`,
    "",
  ].join("\n");
}
