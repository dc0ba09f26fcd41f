// parse-error: a config file (or server entry) that cannot be read. Reported as a finding so the scan goes on and
// CI still sees it: a broken file may hide servers the client would load after a partial parse.
import { defineConfigRule } from "../define-rule.ts";

export const parseError = defineConfigRule({
  meta: {
    id: "parse-error",
    severity: "medium",
    title: "Configuration file could not be parsed",
    description:
      "A discovered MCP client configuration is not valid JSON/JSONC, TOML or YAML, is too large, or a server entry has an unexpected shape.",
    rationale:
      "The other rules cannot check what they cannot read; a file the scanner cannot parse may still be read, partially, by a lenient client.",
    fix: "Fix the syntax at the reported line and column (the client's own validator or `jq`/`taplo`/`yamllint` help), then scan again.",
  },
  // Raised by the scan driver when a parser fails; the rule itself has nothing to check on a parsed tree.
  check: () => [],
});
