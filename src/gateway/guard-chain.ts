// Assembles the guard chain in the fixed order of DESIGN.md "How a message flows". The order is the security argument:
// identity and allowlists before anything looks at arguments, audit last before forwarding.
import { audit } from "../guards/audit.ts";
import { methodAllowlist } from "../guards/method-allowlist.ts";
import { toolAllowlist } from "../guards/tool-allowlist.ts";
import type { Guard } from "../guards/types.ts";
import { createGuardChain, type GuardChain } from "../policy/chain.ts";
import type { Policy } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import type { Logger } from "./logger.ts";

export interface ChainDeps {
  policy: Policy;
  audit: AuditRecorder;
  logger: Logger;
}

export function buildGuardChain(deps: ChainDeps): GuardChain {
  const guards: Guard[] = [
    methodAllowlist(),
    toolAllowlist(),
    audit(deps.audit, {
      failClosed: deps.policy.audit.enabled && deps.policy.audit.fail_closed,
      onError: (err) => deps.logger.error({ err: String(err) }, "audit write failed"),
    }),
  ];
  return createGuardChain(guards);
}
