// The store-backed Approver for `console` confirmation (src/guards/confirm.ts): the waiting call writes a pending
// request, polls the store with backoff until a human decides or the policy timeout passes, and consumes the decision
// once. The decision must match this call's binding exactly — caller, tool, server, args_fp, expiry — so an approval
// copied onto another request, replayed, or used after expiry lets nothing through. Timeout or error: refused.
import { randomBytes } from "node:crypto";
import { argsFingerprint } from "../audit/fingerprint.ts";
import { addAuditDetail } from "../guards/audit-detail.ts";
import type { Approver } from "../guards/confirm.ts";
import { maskedArguments } from "../guards/confirmation-message.ts";
import type { MessageContext } from "../guards/types.ts";
import type { JsonRpcRequest } from "../mcp/jsonrpc.ts";
import type { WardenStore } from "../store/types.ts";
import { type ApprovalRequest, newApprovalId, sameBinding } from "./approval-record.ts";
import { createApprovalStore } from "./approval-store.ts";

export interface StoreApproverOptions {
  /** Opened on first use, so a gateway without console-mode tools never creates state. */
  store: () => Promise<WardenStore>;
  /** HMAC key for args_fp (the audit key when configured; otherwise a per-process random key suffices for binding). */
  hmacKey?: string | undefined;
  /** Poll backoff bounds, ms. */
  minPollMs?: number;
  maxPollMs?: number;
  now?: () => number;
  /** Called with the pending request once written (operators' log line: "approval ID waiting"). */
  onPending?: (req: ApprovalRequest) => void;
  /** Aborted when the gateway shuts down: waiting calls stop at once (refused) instead of holding the process. */
  signal?: AbortSignal | undefined;
}

export function storeApprover(opts: StoreApproverOptions): Approver {
  const key = opts.hmacKey ?? randomBytes(32);
  const now = opts.now ?? Date.now;
  return async (ctx, mode, timeoutMs) => {
    if (mode !== "console") return false; // mrtr is a separate round trip, not an out-of-band wait
    const approvals = createApprovalStore(await opts.store());
    const req = requestFor(ctx, key, now(), timeoutMs);
    const started = now();
    await approvals.request(req);
    opts.onPending?.(req);
    const record = (detail: Record<string, unknown>) => {
      addAuditDetail(ctx, "approval", {
        id: req.id,
        mode,
        requested: new Date(started).toISOString(),
        ms: now() - started,
        ...detail,
      });
    };
    let delay = opts.minPollMs ?? 50;
    while (now() < req.expires && !opts.signal?.aborted) {
      await sleep(Math.min(delay, Math.max(1, req.expires - now())), opts.signal);
      delay = Math.min(delay * 2, opts.maxPollMs ?? 1000);
      const decision = await approvals.takeDecision(req.id);
      if (!decision) continue;
      const valid = sameBinding(decision, req) && decision.expires > now() && decision.decision === "approved";
      record({
        decision: valid ? "approved" : decision.decision === "approved" ? "invalid" : "denied",
        by: decision.by,
      });
      return valid;
    }
    await approvals.withdraw(req.id).catch(() => undefined);
    record({ decision: opts.signal?.aborted ? "aborted" : "timeout" });
    return false;
  };
}

function requestFor(ctx: MessageContext, key: string | Buffer, created: number, timeoutMs: number): ApprovalRequest {
  const params = (ctx.message as JsonRpcRequest).params ?? {};
  const args = params.arguments ?? {};
  const { iss, sub } = ctx.session.principal;
  return {
    id: newApprovalId(),
    principal: { iss, sub },
    tool: String(params.name),
    upstream: ctx.session.upstream,
    args_fp: argsFingerprint(key, args),
    expires: created + timeoutMs,
    masked_args: maskedArguments(args),
    created,
    mode: "console",
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
