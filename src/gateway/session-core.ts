// What both directions of a GatewaySession share: its dependencies and state, the in-flight tables, the gateway's own
// requests in each direction, the tool catalog, the handshake gate, and the answers and audit events of refusals.
import { randomUUID } from "node:crypto";
import type { AuditDraft } from "../audit/event.ts";
import { JSONRPC, PolicyError } from "../errors.ts";
import type { MessageContext, Phase, Principal, RequestInfo, SessionState, ToolDefinition } from "../guards/types.ts";
import type { OversizeInfo } from "../mcp/frame.ts";
import type { JsonRpcMessage, JsonRpcNotification } from "../mcp/jsonrpc.ts";
import type { ChainOutcome, GuardChain } from "../policy/chain.ts";
import type { Policy } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { createHandshakeGate, type HandshakeGate } from "./handshake-gate.ts";
import type { Logger } from "./logger.ts";
import { createMessageContext } from "./message-context.ts";
import { OwnRequests } from "./own-requests.ts";
import { PendingTable } from "./pending.ts";
import { type AuditedCall, SessionAudit } from "./session-audit.ts";
import { createToolCatalog, type ToolCatalog } from "./tool-catalog.ts";
import { errorFrame } from "./wire-errors.ts";

export interface SessionDeps {
  policy: Policy;
  upstream: string;
  principal: Principal;
  chain: GuardChain;
  audit: AuditRecorder;
  logger: Logger;
  /** `message`, when given, is `text` parsed (an answer the session already holds): the front need not parse it. */
  sendToClient(text: string, message?: JsonRpcMessage): void;
  sendToUpstream(text: string): boolean;
  /** How long a tools/call waits for the client to finish the initialize handshake (default 5 s). */
  handshakeWaitMs?: number;
}

export type ClientCall = AuditedCall;

export class SessionCore {
  readonly state: SessionState;
  /** The client's requests forwarded upstream and not answered yet. */
  readonly clientCalls = new PendingTable<ClientCall>();
  /** The upstream's requests forwarded to the client, by id, with their method. */
  readonly serverCalls = new PendingTable<string>();
  /** Client requests still in the guard chain; true once the client cancelled one. */
  readonly preForward = new Map<string, boolean>();
  readonly toUpstream: OwnRequests;
  readonly toClient: OwnRequests;
  readonly catalog: ToolCatalog;
  readonly audit: SessionAudit;
  readonly handshake: HandshakeGate;
  /** The client's initialize as forwarded, replayed to a restarted upstream. */
  initializeFrame: string | undefined;

  constructor(readonly deps: SessionDeps) {
    const { policy } = deps;
    this.handshake = createHandshakeGate(deps.handshakeWaitMs);
    this.toUpstream = new OwnRequests("warden-u", (text) => {
      if (!deps.sendToUpstream(text))
        throw new PolicyError("ERR_UPSTREAM_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR });
    });
    this.toClient = new OwnRequests("warden-c", deps.sendToClient);
    this.state = {
      id: randomUUID(),
      upstream: deps.upstream,
      environment: policy.environment,
      principal: deps.principal,
      protocolVersion: undefined,
      clientCapabilities: undefined,
      tools: new Map<string, ToolDefinition>(),
      scratch: new Map<string, unknown>(),
      requestClient: (method, params, timeoutMs) => this.toClient.request(method, params, timeoutMs),
    };
    this.audit = new SessionAudit(deps.audit, deps.logger, this.state);
    this.catalog = createToolCatalog({
      state: this.state,
      policy,
      chain: deps.chain,
      list: (params, timeoutMs) => this.toUpstream.request("tools/list", params, timeoutMs),
    });
  }

  context(phase: Phase, message: JsonRpcMessage, bytes: number, request?: RequestInfo, audit?: AuditDraft) {
    return createMessageContext({
      phase,
      session: this.state,
      policy: this.deps.policy,
      message,
      bytes,
      request,
      audit,
    });
  }

  /** Runs a notification through the chain, then `then` unless a guard dropped it (notifications get no answer). */
  passNotification(
    phase: Phase,
    note: JsonRpcNotification,
    bytes: number,
    then: (ctx: MessageContext) => void,
  ): Promise<void> | undefined {
    const ctx = this.context(phase, note, bytes);
    return afterChain(this.deps.chain.run(ctx), (outcome) => {
      if (outcome.ok) return then(ctx);
      this.deps.logger.warn({ phase, method: note.method, code: outcome.error.code }, "notification dropped");
    });
  }

  failClientCall(id: string | number, error: PolicyError): void {
    const call = this.clientCalls.take(id);
    if (!call) return;
    this.deps.sendToClient(errorFrame(id, error));
    this.audit.ended(call, "refused", error.code, null);
  }

  refuseClient(
    id: string | number | null,
    error: PolicyError,
    method: string,
    tool: string | null,
    audit: { args?: unknown; detail?: Record<string, unknown> | undefined } | false = {},
  ): void {
    this.deps.sendToClient(errorFrame(id, error));
    if (audit) this.audit.denied(method, tool, error.code, audit.args, audit.detail);
  }
}

/** Continues with the chain's outcome now when the chain was synchronous, else once it settles. */
export function afterChain(
  outcome: Promise<ChainOutcome> | ChainOutcome,
  next: (outcome: ChainOutcome) => void,
): Promise<void> | undefined {
  if (outcome instanceof Promise) return outcome.then(next);
  next(outcome);
  return undefined;
}

/** The JSON-RPC id of a message too large to parse, from its first and last few KiB. */
export function recoverIdFromEdges(info: OversizeInfo): string | number | null {
  // The id usually sits at the start (clients) or the end (SDK servers) of a message.
  const pattern = /"id"\s*:\s*("(?:[^"\\]|\\.){0,256}"|-?\d{1,15})/;
  const match = pattern.exec(info.head) ?? pattern.exec(info.tail);
  if (!match) return null;
  try {
    return JSON.parse(match[1]!) as string | number;
  } catch {
    return null;
  }
}
