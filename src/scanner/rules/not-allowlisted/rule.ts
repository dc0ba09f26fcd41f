// not-allowlisted: a server the policy's scan.allow does not list (by name, exact argv, package@version, image
// digest or URL prefix). Matching is exact and case-sensitive (docker/mcp-gateway#549 let case variants through).
import { effectiveArgv, rawArgv } from "../../argv.ts";
import { findDockerRun } from "../../docker-run.ts";
import type { AllowEntry, RuleHit, ServerEntry } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";
import { findPackageRun } from "../unpinned-package/package-spec.ts";

export const notAllowlisted = defineConfigRule({
  meta: {
    id: "not-allowlisted",
    severity: "high",
    title: "Server not on the organisation's allowlist",
    description:
      "The policy (`warden.yaml`, `scan.allow`) lists the servers the organisation has vetted; this server matches no entry by name, exact argv, package@version, image digest or URL prefix.",
    rationale:
      "Unvetted third-party servers run with the agent's access to code, credentials and tools: the supply-chain row of the threat model. An allowlist turns review into an enforced gate.",
    fix: "Have the server reviewed and add an entry to `scan.allow` in warden.yaml (pin package versions and image digests), or remove the server.",
  },
  check({ servers, policy }) {
    const allow = policy?.allow;
    if (!allow) return [];
    const hits: RuleHit[] = [];
    for (const server of servers) {
      if (allow.some((entry) => matches(entry, server))) continue;
      hits.push({
        node: server.node,
        path: server.path,
        server: server.name,
        message: `server "${server.name}" is not on the policy's scan.allow list`,
      });
    }
    return hits;
  },
});

function matches(entry: AllowEntry, server: ServerEntry): boolean {
  const checks: boolean[] = [];
  if (entry.name !== undefined) checks.push(entry.name === server.name);
  if (entry.argv !== undefined) {
    const argv = rawArgv(server).map((t) => t.word);
    checks.push(argv.length === entry.argv.length && argv.every((w, i) => w === entry.argv?.[i]));
  }
  if (entry.package !== undefined) checks.push(findPackageRun(effectiveArgv(server))?.spec === entry.package);
  if (entry.image !== undefined) checks.push(findDockerRun(effectiveArgv(server))?.image?.word === entry.image);
  if (entry.url_prefix !== undefined) checks.push(!!server.url?.value.startsWith(entry.url_prefix));
  return checks.length > 0 && checks.every(Boolean);
}
