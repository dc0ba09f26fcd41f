// Builds the MessageContext a guard chain runs on (src/guards/types.ts).
import type { AuditDraft } from "../audit/event.ts";
import type { MessageContext, Phase, RequestInfo, SessionState } from "../guards/types.ts";
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import type { Policy } from "../policy/schema.ts";

export function createMessageContext(init: {
  phase: Phase;
  session: SessionState;
  policy: Policy;
  message: JsonRpcMessage;
  bytes: number;
  request?: RequestInfo | undefined;
  audit?: AuditDraft | undefined;
}): MessageContext {
  let changed = false;
  return {
    phase: init.phase,
    session: init.session,
    policy: init.policy,
    message: init.message,
    bytes: init.bytes,
    request: init.request,
    audit: init.audit ?? { redactions: {} },
    get changed() {
      return changed;
    },
    markChanged() {
      changed = true;
    },
  };
}
