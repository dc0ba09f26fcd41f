// Guard `confirm`: human confirmation for calls that need it, in a form the model cannot forge. `elicit` asks the
// human through the client (elicitation/create, form mode) with the tool, server and masked arguments; only an explicit
// accept lets the call through — decline, cancel, timeout, or a client without elicitation refuse it. `param` checks
// the stripped `confirm: true` argument (weakest). `console` and `mrtr` need an approver (see Approver) and fail
// closed without one. Every decision is recorded in the call's audit detail.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcRequest } from "../mcp/jsonrpc.ts";
import { AnswerInstead } from "../policy/chain.ts";
import { durationMs } from "../policy/duration.ts";
import type { Lockfile } from "../policy/lockfile.ts";
import { addAuditDetail } from "./audit-detail.ts";
import { type ConfirmMode, callConfirmMode } from "./confirm-mode.ts";
import { confirmationMessage } from "./confirmation-message.ts";
import type { Guard, MessageContext } from "./types.ts";

/** Out-of-band approval (console) or input-required round trips (mrtr); resolves true only when a human approved. */
export type Approver = (ctx: MessageContext, mode: "console" | "mrtr", timeoutMs: number) => Promise<boolean>;

export function confirm(opts: { lock: () => Lockfile | undefined; approver?: Approver }): Guard {
  return {
    id: "confirm",
    phases: ["request"],
    run(ctx: MessageContext) {
      const req = ctx.message as JsonRpcRequest;
      if (req.method !== "tools/call" || typeof req.params?.name !== "string") return;
      const mode = callConfirmMode(ctx, req.params.name, opts.lock());
      if (mode === "never") return;
      return decide(ctx, req, mode, opts.approver);
    },
  };
}

async function decide(ctx: MessageContext, req: JsonRpcRequest, mode: ConfirmMode, approver?: Approver): Promise<void> {
  const started = performance.now();
  const timeoutMs = durationMs(ctx.policy.approvals.timeout);
  let approved: boolean;
  if (mode === "param") approved = ctx.audit.detail?.confirm_param === true;
  else if (mode === "elicit") approved = await elicit(ctx, req, timeoutMs);
  else if (approver) approved = await approver(ctx, mode as "console" | "mrtr", timeoutMs).catch(rethrowAnswers);
  else
    throw refusal(
      "ERR_POLICY_CONFIRMATION_REQUIRED",
      `This call needs ${mode} approval, which this gateway front does not offer.`,
    );
  const confirmation = {
    mode,
    decision: approved ? "approved" : "denied",
    ms: Math.round(performance.now() - started),
    ...(mode === "param" ? { strength: "weakest" } : {}),
  };
  addAuditDetail(ctx, "confirmation", confirmation);
  if (!approved) {
    throw mode === "param"
      ? refusal(
          "ERR_POLICY_CONFIRMATION_REQUIRED",
          'This tool needs the user\'s confirmation: repeat the call with "confirm": true after the user approved it.',
        )
      : refusal("ERR_POLICY_CONFIRMATION_DENIED", "The call was not confirmed by the user.");
  }
}

async function elicit(ctx: MessageContext, req: JsonRpcRequest, timeoutMs: number): Promise<boolean> {
  if (!ctx.session.clientCapabilities?.elicitation) {
    throw refusal(
      "ERR_POLICY_CONFIRMATION_REQUIRED",
      "This call needs human confirmation and the client cannot ask for it (no elicitation support).",
    );
  }
  const params: Record<string, unknown> = {
    message: confirmationMessage(ctx.session.upstream, String(req.params?.name), req.params?.arguments),
    requestedSchema: {
      type: "object",
      properties: {
        approve: { type: "boolean", title: "Approve this call", description: "Run the call exactly as shown" },
      },
      required: ["approve"],
    },
  };
  // `mode` exists from 2025-11-25 on; older clients would not expect the field.
  if ((ctx.session.protocolVersion ?? "") >= "2025-11-25") params.mode = "form";
  try {
    const result = await ctx.session.requestClient("elicitation/create", params, timeoutMs);
    const content = result.content as Record<string, unknown> | undefined;
    return result.action === "accept" && content?.approve === true;
  } catch {
    return false;
  }
}

/** An approver may answer the call itself (MRTR input_required) or refuse with a reason; any other failure is "no". */
function rethrowAnswers(err: unknown): false {
  if (err instanceof AnswerInstead || err instanceof PolicyError) throw err;
  return false;
}

function refusal(code: "ERR_POLICY_CONFIRMATION_REQUIRED" | "ERR_POLICY_CONFIRMATION_DENIED", message: string) {
  return new PolicyError(code, { jsonRpcCode: JSONRPC.INVALID_REQUEST, message });
}
