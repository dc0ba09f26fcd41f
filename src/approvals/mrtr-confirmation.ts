// `mrtr` confirmation (issue 6): instead of waiting, the gateway answers the tools/call with an input_required result
// (MCP 2026-07-28 MRTR) asking the client's user to confirm, with a sealed requestState (mrtr-state.ts). The client
// retries the same call with `requestState` and `inputResponses`; the retry passes only when the state is authentic,
// bound to this caller/tool/arguments, unexpired, not used before (store counter, single use), and the user accepted.
import { argsFingerprint } from "../audit/fingerprint.ts";
import { confirmationMessage } from "../guards/confirmation-message.ts";
import type { Principal } from "../guards/types.ts";
import type { WardenStore } from "../store/types.ts";
import { openState, sealState } from "./mrtr-state.ts";

export const MRTR_INPUT_KEY = "warden_confirm";
const USED_PREFIX = "approvals/mrtr-used/";

export interface MrtrCall {
  principal: Pick<Principal, "iss" | "sub">;
  upstream: string;
  tool: string;
  args: unknown;
}

export interface MrtrDeps {
  /** MAC key for requestState and args_fp; must stay secret from clients. */
  key: Buffer | string;
  store: WardenStore;
  now?: () => number;
}

/** The input_required result for a call that needs confirmation. */
export function inputRequiredResult(deps: MrtrDeps, call: MrtrCall, timeoutMs: number): Record<string, unknown> {
  const now = (deps.now ?? Date.now)();
  const requestState = sealState(deps.key, { ...bindingOf(deps, call), expires: now + timeoutMs });
  const elicit = {
    method: "elicitation/create",
    params: {
      mode: "form",
      message: confirmationMessage(call.upstream, call.tool, call.args),
      requestedSchema: {
        type: "object",
        properties: {
          approve: { type: "boolean", title: "Approve this call", description: "Run the call exactly as shown" },
        },
        required: ["approve"],
      },
    },
  };
  return { resultType: "input_required", inputRequests: { [MRTR_INPUT_KEY]: elicit }, requestState };
}

export type RetryOutcome = { approved: true } | { approved: false; reason: string };

/** Checks a retried call's `requestState` and `inputResponses` (params of the retried tools/call). */
export async function checkRetry(
  deps: MrtrDeps,
  call: MrtrCall,
  params: Record<string, unknown>,
): Promise<RetryOutcome> {
  const now = (deps.now ?? Date.now)();
  const opened = openState(deps.key, params.requestState, bindingOf(deps, call), now);
  if (!opened.ok) return { approved: false, reason: opened.reason };
  const responses = params.inputResponses as
    | Record<string, { action?: unknown; content?: { approve?: unknown } }>
    | undefined;
  const answer = responses?.[MRTR_INPUT_KEY];
  // Single use: the first retry with this state consumes it, whatever the answer (a decline cannot be retried into an accept).
  const used = await deps.store.increment(USED_PREFIX + opened.binding.id, Math.max(1, opened.binding.expires - now));
  if (used.count !== 1) return { approved: false, reason: "replayed" };
  if (answer?.action !== "accept" || answer.content?.approve !== true)
    return { approved: false, reason: "not-accepted" };
  return { approved: true };
}

function bindingOf(deps: MrtrDeps, call: MrtrCall) {
  return {
    principal: { iss: call.principal.iss, sub: call.principal.sub },
    tool: call.tool,
    upstream: call.upstream,
    args_fp: argsFingerprint(deps.key, call.args ?? {}),
  };
}
