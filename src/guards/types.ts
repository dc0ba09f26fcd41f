// The guard contract: every guard is one concept, run by the chain runner (src/policy/chain.ts) in a fixed order.
// A guard refuses by throwing a PolicyError; it changes a message by mutating ctx.message and calling ctx.markChanged().
// Any other exception is caught by the runner and turned into a fail-closed ERR_INTERNAL refusal.
import type { AuditDraft } from "../audit/event.ts";
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import type { Policy } from "../policy/schema.ts";

/**
 * Where a message is in the conversation:
 * - request:         client → server request (tools/call, tools/list, initialize, …)
 * - response:        server → client response to a client request (ctx.request says which)
 * - server-request:  server → client request (elicitation/create, sampling/createMessage, roots/list, ping)
 * - client-response: client → server response to a server request
 * - client-notification / server-notification: notifications in each direction
 */
export type Phase =
  | "request"
  | "response"
  | "server-request"
  | "client-response"
  | "client-notification"
  | "server-notification";

/** Who is calling. Over stdio the principal is the local user (iss "local"). */
export interface Principal {
  sub: string;
  iss: string;
  client_id?: string | undefined;
  scopes: readonly string[];
  /** Environment bound into the principal's credential; undefined for local stdio principals. */
  environment?: string | undefined;
}

/** What the gateway remembers about the request a response answers. */
export interface RequestInfo {
  id: string | number;
  method: string;
  params: Record<string, unknown> | undefined;
  /** Set for tools/call: the tool name as the client sent it. */
  tool?: string | undefined;
  startedAt: number;
}

/** A minimal tool definition as listed by the upstream (MCP "Tool" type); unknown fields kept. */
export interface ToolDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  [extra: string]: unknown;
}

/** Per-session state shared by guards. One per client session; never shared across sessions. */
export interface SessionState {
  readonly id: string;
  readonly upstream: string;
  readonly environment: string;
  principal: Principal;
  protocolVersion: string | undefined;
  clientCapabilities: Record<string, unknown> | undefined;
  /** Latest tool definitions seen in tools/list results, by name (after filtering). */
  readonly tools: Map<string, ToolDefinition>;
  /** Per-guard scratch state, keyed by guard id (e.g. the redaction placeholder map). */
  readonly scratch: Map<string, unknown>;
  /** Sends a request to the client (e.g. elicitation/create) and resolves with its result. */
  requestClient(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<Record<string, unknown>>;
}

export interface MessageContext {
  readonly phase: Phase;
  readonly session: SessionState;
  readonly policy: Policy;
  /** The parsed message. Guards may mutate it; they must then call markChanged(). */
  message: JsonRpcMessage;
  /** Size of the original serialized message in bytes. */
  readonly bytes: number;
  /** For phase "response": the request being answered. For "request": the request itself. */
  readonly request: RequestInfo | undefined;
  /** Fields the audit guard will write for this call (decision, redactions, …). */
  readonly audit: AuditDraft;
  /** True once any guard changed the message; the original bytes are forwarded otherwise. */
  readonly changed: boolean;
  markChanged(): void;
}

export interface Guard {
  /** Stable id, also the file name (e.g. "size-cap"). */
  readonly id: string;
  /** Phases the guard runs in; the runner does not call it for others. */
  readonly phases: readonly Phase[];
  run(ctx: MessageContext): void | Promise<void>;
}
