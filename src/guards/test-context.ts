// Test helper: builds SessionState and MessageContext objects for guard unit tests (no gateway, no transport).
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import { type Policy, policySchema } from "../policy/schema.ts";
import type { MessageContext, Phase, Principal, RequestInfo, SessionState, ToolDefinition } from "./types.ts";

export interface TestSessionOptions {
  id?: string;
  upstream?: string;
  environment?: string;
  principal?: Partial<Principal>;
  tools?: readonly ToolDefinition[];
  /** Answers requestClient(); the default refuses, as a client without the capability would. */
  requestClient?: SessionState["requestClient"];
}

/** A session with sensible local defaults (stdio principal, upstream "default"). */
export function testSession(opts: TestSessionOptions = {}): SessionState {
  const principal: Principal = { sub: "local-user", iss: "local", scopes: [], ...opts.principal };
  return {
    id: opts.id ?? "session-test",
    upstream: opts.upstream ?? "default",
    environment: opts.environment ?? "test",
    principal,
    protocolVersion: "2025-06-18",
    clientCapabilities: {},
    tools: new Map((opts.tools ?? []).map((t) => [t.name, t])),
    scratch: new Map(),
    requestClient: opts.requestClient ?? (() => Promise.reject(new Error("test session: requestClient not set"))),
  };
}

/** Parses a policy object through the real zod schema, so defaults are filled exactly as the loader does. */
export function testPolicy(input: Record<string, unknown> = {}): Policy {
  return policySchema.parse({ version: 1, ...input });
}

export interface TestContextOptions {
  phase?: Phase;
  session?: SessionState;
  policy?: Policy;
  message: JsonRpcMessage;
  /** Defaults to the UTF-8 length of JSON.stringify(message). */
  bytes?: number;
  /** For responses: the request answered. For requests it defaults to one derived from the message. */
  request?: RequestInfo;
}

/** A MessageContext whose markChanged() flips `changed`, like the chain runner's. */
export function testContext(opts: TestContextOptions): MessageContext {
  const phase = opts.phase ?? "request";
  let changed = false;
  return {
    phase,
    session: opts.session ?? testSession(),
    policy: opts.policy ?? testPolicy(),
    message: opts.message,
    bytes: opts.bytes ?? Buffer.byteLength(JSON.stringify(opts.message)),
    request: opts.request ?? (phase === "request" ? requestInfoOf(opts.message) : undefined),
    audit: { redactions: {} },
    get changed() {
      return changed;
    },
    markChanged() {
      changed = true;
    },
  };
}

/** The RequestInfo the gateway would record for a request message (tool set for tools/call). */
export function requestInfoOf(message: JsonRpcMessage): RequestInfo | undefined {
  const m = message as { id?: unknown; method?: unknown; params?: unknown };
  if (typeof m.method !== "string" || (typeof m.id !== "string" && typeof m.id !== "number")) return undefined;
  const params = isRecord(m.params) ? m.params : undefined;
  const tool = m.method === "tools/call" && typeof params?.name === "string" ? params.name : undefined;
  return { id: m.id, method: m.method, params, tool, startedAt: Date.now() };
}

/** A tools/call request message. */
export function toolCall(name: string, args?: unknown, id: string | number = 1): JsonRpcMessage {
  const params: Record<string, unknown> = { name };
  if (args !== undefined) params.arguments = args;
  return { jsonrpc: "2.0", id, method: "tools/call", params };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
