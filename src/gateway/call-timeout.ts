// The per-call timeout: the tool's `call_timeout`, else the upstream's, else `defaults.call_timeout`.
import { durationMs } from "../policy/duration.ts";
import type { Policy } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";

export function callTimeoutMs(policy: Policy, upstream: string, tool: string | undefined): number {
  const perTool = tool === undefined ? undefined : toolPolicyFor(policy, upstream, tool)?.call_timeout;
  const perUpstream = policy.upstreams[upstream]?.call_timeout;
  return durationMs(perTool ?? perUpstream ?? policy.defaults.call_timeout);
}
