// A human's decision on a pending approval (CLI `approvals approve|deny`, approval console). Refuses expired or
// unknown requests and, when the policy forbids it, self-approval: the caller whose call is waiting may be the one a
// prompt injection controls, so they must not approve it themselves (issue 6, "approver ≠ caller").
import type { ApprovalDecision } from "./approval-record.ts";
import type { ApprovalStore } from "./approval-store.ts";

export interface DecideInput {
  id: string;
  approve: boolean;
  /** Who decides (CLI `--as`, or the console principal's sub). */
  by: string;
  /** policy.approvals.self_approval */
  selfApproval: boolean;
  now?: number;
}

export type DecideOutcome =
  | { ok: true; decision: ApprovalDecision }
  | { ok: false; reason: "not-found" | "expired" | "self-approval" | "already-decided"; message: string };

export async function decideApproval(approvals: ApprovalStore, input: DecideInput): Promise<DecideOutcome> {
  const now = input.now ?? Date.now();
  const pending = await approvals.getPending(input.id);
  if (!pending) {
    return {
      ok: false,
      reason: "not-found",
      message: `no pending approval ${input.id} (unknown, already decided, or expired)`,
    };
  }
  const { record, raw } = pending;
  if (record.expires <= now) return { ok: false, reason: "expired", message: `approval ${input.id} has expired` };
  // Denying your own call is always allowed; only approving it is the risk.
  if (input.approve && !input.selfApproval && record.principal.sub === input.by) {
    return {
      ok: false,
      reason: "self-approval",
      message: `${input.by} cannot approve their own call (approvals.self_approval is false); ask another approver`,
    };
  }
  const decision: ApprovalDecision = {
    id: record.id,
    principal: record.principal,
    tool: record.tool,
    upstream: record.upstream,
    args_fp: record.args_fp,
    expires: record.expires,
    decision: input.approve ? "approved" : "denied",
    by: input.by,
    decided: now,
  };
  if (!(await approvals.writeDecision(raw, decision))) {
    return { ok: false, reason: "already-decided", message: `approval ${input.id} was decided by someone else` };
  }
  return { ok: true, decision };
}
