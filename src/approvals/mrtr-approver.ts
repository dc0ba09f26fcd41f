// The `mrtr` confirmation mode as an Approver: the first call is answered with input_required (the gateway's own
// result, the upstream sees nothing); the retry carrying the sealed requestState and the user's answer is checked and,
// when approved, forwarded without the MRTR fields. Only clients of the 2026-07-28 revision speak MRTR; for older
// ones the mode fails closed.
import { PolicyError } from "../errors.ts";
import { addAuditDetail } from "../guards/audit-detail.ts";
import type { MessageContext } from "../guards/types.ts";
import type { JsonRpcRequest } from "../mcp/jsonrpc.ts";
import { AnswerInstead } from "../policy/chain.ts";
import { checkRetry, inputRequiredResult, type MrtrDeps } from "./mrtr-confirmation.ts";

const MRTR_REVISION = "2026-07-28";
const PROTOCOL_META = "io.modelcontextprotocol/protocolVersion";

export async function mrtrApprove(ctx: MessageContext, deps: MrtrDeps, timeoutMs: number): Promise<boolean> {
  const params = (ctx.message as JsonRpcRequest).params ?? {};
  if (!speaksMrtr(ctx, params)) {
    throw new PolicyError("ERR_POLICY_CONFIRMATION_REQUIRED", {
      message:
        "This call needs confirmation through an input_required result (MCP 2026-07-28), which this client does not use.",
    });
  }
  const call = {
    principal: ctx.session.principal,
    upstream: ctx.session.upstream,
    tool: String(params.name),
    args: params.arguments,
  };
  if (params.requestState === undefined) throw new AnswerInstead(inputRequiredResult(deps, call, timeoutMs));
  const outcome = await checkRetry(deps, call, params);
  // The MRTR fields are the gateway's business: the upstream gets the call as the user approved it.
  delete params.requestState;
  delete params.inputResponses;
  ctx.markChanged();
  addAuditDetail(ctx, "mrtr", outcome.approved ? "approved" : outcome.reason);
  return outcome.approved;
}

function speaksMrtr(ctx: MessageContext, params: Record<string, unknown>): boolean {
  const meta = (params._meta as Record<string, unknown> | undefined)?.[PROTOCOL_META];
  const revision = typeof meta === "string" ? meta : (ctx.session.protocolVersion ?? "");
  return revision >= MRTR_REVISION;
}
