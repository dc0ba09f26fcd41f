// Assembles the guard chain in the fixed order of DESIGN.md "How a message flows". The order is the security argument:
// framing limits first, identity and allowlists before anything looks at arguments, audit last before forwarding;
// on the way back, definitions are checked before content is projected, redacted and capped.
import { args, liveSchema, type SchemaSource } from "../guards/args.ts";
import { audit } from "../guards/audit.ts";
import { type Approver, confirm } from "../guards/confirm.ts";
import { confirmParam } from "../guards/confirm-param.ts";
import { jsonLimits } from "../guards/json-limits.ts";
import { methodAllowlist } from "../guards/method-allowlist.ts";
import { pin } from "../guards/pin.ts";
import { project } from "../guards/project.ts";
import type { RateCounter } from "../guards/rate-counter.ts";
import { rateLimit } from "../guards/rate-limit.ts";
import { redact } from "../guards/redact.ts";
import { requestSize } from "../guards/request-size.ts";
import { sanitize } from "../guards/sanitize.ts";
import type { SchemaValidators } from "../guards/schema-validators.ts";
import { sizeCap } from "../guards/size-cap.ts";
import { toolAllowlist } from "../guards/tool-allowlist.ts";
import type { Guard } from "../guards/types.ts";
import { writeBack } from "../guards/write-back.ts";
import { createGuardChain, type GuardChain } from "../policy/chain.ts";
import type { LockSource } from "../policy/lock-source.ts";
import type { Policy } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { findingAuditor } from "./finding-audit.ts";
import type { Logger } from "./logger.ts";

export interface ChainDeps {
  policy: Policy;
  audit: AuditRecorder;
  logger: Logger;
  /** warden.lock, when the policy's lockfile exists; argument validation then uses the pinned schemas. */
  lock?: LockSource | undefined;
  /** Out-of-band approvals for `console`/`mrtr` confirmation; without one those modes refuse. */
  approver?: Approver | undefined;
  /**
   * Rate counters. A front serving several sessions in one process must pass ONE counter to every session's chain,
   * or per-principal limits would count per session. Default: a fresh in-memory counter.
   */
  rateCounter?: RateCounter | undefined;
  /** Compiled JSON Schema validators, shared across sessions (compiling ajv costs ~0.3 s). */
  validators?: SchemaValidators | undefined;
}

export function buildGuardChain(deps: ChainDeps): GuardChain {
  const pinGuard = deps.lock
    ? pin({ lock: deps.lock, onFinding: findingAuditor(deps.audit, deps.logger, "pin") })
    : undefined;
  const lock = () => deps.lock?.();
  const schemaFor: SchemaSource = pinGuard
    ? (session, tool) => pinGuard.pinnedSchemaFor(session.upstream, tool) ?? liveSchema(session, tool)
    : liveSchema;
  const guards: (Guard | undefined)[] = [
    requestSize(),
    jsonLimits(),
    methodAllowlist(),
    toolAllowlist(),
    rateLimit(deps.rateCounter ? { counter: deps.rateCounter } : {}),
    pinGuard,
    sanitize({ onFinding: findingAuditor(deps.audit, deps.logger, "sanitize") }),
    confirmParam(lock),
    args({ schemaFor, log: deps.logger, ...(deps.validators ? { validators: deps.validators } : {}) }),
    writeBack(),
    confirm({ lock, ...(deps.approver ? { approver: deps.approver } : {}) }),
    audit(deps.audit, {
      failClosed: deps.policy.audit.enabled && deps.policy.audit.fail_closed,
      onError: (err) => deps.logger.error({ err: String(err) }, "audit write failed"),
    }),
    // Response-only guards; each runs only in its own phases.
    project(),
    redact(),
    sizeCap(),
  ];
  return createGuardChain(guards.filter((g): g is Guard => g !== undefined));
}
