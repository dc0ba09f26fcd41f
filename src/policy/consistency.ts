// Cross-key rules the schema cannot express: tool keys name a known upstream, audit has its key.
import type { Policy } from "./schema.ts";
import type { KeyPath } from "./yaml-locate.ts";

export interface Inconsistency {
  path: KeyPath;
  /** Point at the key itself (a bad tool key) or at its value. */
  at: "key" | "value";
  detail: string;
}

/**
 * A tool key is `upstream/tool`, or a bare `tool` when the policy has exactly one upstream (DESIGN.md "CLI").
 * With no upstreams in the policy (the gateway runs the command after `--`), names cannot be checked here.
 */
export function toolKeyProblem(policy: Policy, key: string): string | undefined {
  const upstreams = Object.keys(policy.upstreams);
  if (upstreams.length === 0) return undefined;
  const slash = key.indexOf("/");
  if (slash < 0) {
    return upstreams.length === 1
      ? undefined
      : `a bare tool name is allowed only with exactly one upstream; write upstream/tool (upstreams: ${upstreams.join(", ")})`;
  }
  const upstream = key.slice(0, slash);
  if (key.length === slash + 1) return "the tool name after / is empty";
  return upstreams.includes(upstream) ? undefined : `names unknown upstream "${upstream}"`;
}

/** The first inconsistency in a schema-valid policy, or undefined. */
export function checkConsistency(policy: Policy): Inconsistency | undefined {
  for (const key of Object.keys(policy.tools)) {
    const detail = toolKeyProblem(policy, key);
    if (detail) return { path: ["tools", key], at: "key", detail: `tool key "${key}" ${detail}` };
  }
  for (const [i, limit] of policy.rate_limits.entries()) {
    const detail = limit.tool === "*" ? undefined : toolKeyProblem(policy, limit.tool);
    if (detail) return { path: ["rate_limits", i, "tool"], at: "value", detail: `tool "${limit.tool}" ${detail}` };
  }
  if (policy.audit.enabled && !policy.audit.hmac_key) {
    return {
      path: ["audit", "hmac_key"],
      at: "key",
      detail: `audit.hmac_key is required unless audit.enabled is false (use "\${env:WARDEN_AUDIT_KEY}")`,
    };
  }
  return undefined;
}
