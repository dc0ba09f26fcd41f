// risky-docker-flags: container options that hand the server the host (privileged, host namespaces, capabilities,
// mounts of /, the home directory, ~/.ssh or the Docker socket) — CWE-250.
import { effectiveArgv } from "../../argv.ts";
import { findDockerRun } from "../../docker-run.ts";
import type { RuleHit } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";

export const riskyDockerFlags = defineConfigRule({
  meta: {
    id: "risky-docker-flags",
    severity: "high",
    title: "Container run with host-level privileges",
    description:
      "`docker run` uses --privileged, --network host, --pid host, --cap-add, or mounts /, the home directory, ~/.ssh or the Docker socket into the server's container.",
    rationale:
      "These options remove the isolation the container was meant to give: a prompt-injected or compromised server can then read keys, reach internal services or take over the host (CWE-250).",
    fix: "Drop the option; mount only the project directory, read-only where possible (`-v $PWD:/work:ro`); use a user-defined network instead of host networking.",
    cwe: "CWE-250",
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const run = findDockerRun(effectiveArgv(server));
      for (const opt of run?.options ?? []) {
        const why = riskOf(opt.name, opt.value);
        if (!why) continue;
        hits.push({ node: opt.token.field.node, path: opt.token.field.path, server: server.name, message: why });
      }
    }
    return hits;
  },
});

const HOST_NS = new Set(["--network", "--net", "--pid", "--ipc", "--uts", "--userns"]);

function riskOf(name: string, value: string | undefined): string | undefined {
  if (name === "--privileged") return "--privileged gives the container full access to the host";
  if (HOST_NS.has(name) && value === "host") return `${name} host shares the host's namespace with the container`;
  if (name === "--cap-add") return `--cap-add ${value ?? ""} grants extra kernel capabilities`;
  if (name === "--security-opt" && /unconfined|no-new-privileges[:=]false/.test(value ?? "")) {
    return `--security-opt ${value} disables a confinement layer`;
  }
  if ((name === "-v" || name === "--volume" || name === "--mount") && value) {
    const source = name === "--mount" ? (/(?:^|,)(?:source|src)=([^,]+)/.exec(value)?.[1] ?? "") : value.split(":")[0];
    if (source && isSensitiveMount(source)) return `mounts "${source}" into the container`;
  }
  return undefined;
}

function isSensitiveMount(source: string): boolean {
  const s = source.replace(/\/+$/, "");
  if (s === "" || s === "/" || s === "C:" || s === "C:\\") return true;
  if (/docker\.sock$/.test(s) || /[/\\]\.ssh$/.test(s) || s === "~/.ssh") return true;
  return /^(~|\$HOME|\$\{HOME\}|%USERPROFILE%|\/home\/[^/]+|\/Users\/[^/]+|\/root|C:\\Users\\[^\\]+)$/.test(s);
}
