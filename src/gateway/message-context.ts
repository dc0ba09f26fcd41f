// Builds the MessageContext a guard chain runs on (src/guards/types.ts).
import type { AuditDraft } from "../audit/event.ts";
import type { MessageContext, Phase, RequestInfo, SessionState } from "../guards/types.ts";
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import type { Policy } from "../policy/schema.ts";

/** What a context starts from: MessageContext's data fields, with the audit draft optional (a fresh one by default). */
type ContextInit = Pick<MessageContext, "phase" | "session" | "policy" | "message" | "bytes"> & {
  request?: RequestInfo | undefined;
  audit?: AuditDraft | undefined;
};

// A class, not an object literal with a getter: V8 builds a literal with accessors through a slow runtime path
// (about 0.8 µs against 0.05 µs, measured on Node 20), and every message builds one or two of these.
class GuardContext implements MessageContext {
  readonly phase: Phase;
  readonly session: SessionState;
  readonly policy: Policy;
  message: JsonRpcMessage;
  readonly bytes: number;
  readonly request: RequestInfo | undefined;
  readonly audit: AuditDraft;
  #changed = false;

  constructor(init: ContextInit) {
    this.phase = init.phase;
    this.session = init.session;
    this.policy = init.policy;
    this.message = init.message;
    this.bytes = init.bytes;
    this.request = init.request;
    this.audit = init.audit ?? { redactions: {} };
  }

  get changed(): boolean {
    return this.#changed;
  }

  markChanged(): void {
    this.#changed = true;
  }
}

export function createMessageContext(init: ContextInit): MessageContext {
  return new GuardContext(init);
}
