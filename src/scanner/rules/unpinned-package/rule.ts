// unpinned-package: package runners (npx, pnpm dlx, bunx, uvx, pipx run, deno run npm:) without an exact version.
import { effectiveArgv } from "../../argv.ts";
import type { RuleHit } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";
import { findPackageRun, unpinnedReason } from "./package-spec.ts";

export const unpinnedPackage = defineConfigRule({
  meta: {
    id: "unpinned-package",
    severity: "medium",
    title: "Package runner without an exact version",
    description:
      "The server is started through a package runner (npx, pnpm dlx, yarn dlx, bunx, uvx, pipx run, deno run npm:) with a package spec that has no exact version, a range, a tag such as @latest, or a git/URL source without a commit hash.",
    rationale:
      "Every start downloads whatever the registry serves at that moment. A compromised or typosquatted release runs with the agent's privileges on the next launch (CWE-494, CWE-1357).",
    fix: "Pin an exact version (`npx -y @scope/server@1.4.2`, `uvx mcp-server-x==0.6.1`), or install the server once and run the installed binary. List the pinned spec in the policy's scan.allow.",
    cwe: "CWE-494",
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const run = findPackageRun(effectiveArgv(server));
      if (!run) continue;
      const reason = unpinnedReason(run.spec, run.ecosystem);
      if (!reason) continue;
      hits.push({
        node: run.token.field.node,
        path: run.token.field.path,
        server: server.name,
        message: `"${run.runner} ${run.spec}" ${reason}; every start runs whatever the registry serves`,
      });
    }
    return hits;
  },
});
