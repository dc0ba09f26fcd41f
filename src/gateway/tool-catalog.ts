// The session's view of the upstream's tools: fetched by the gateway itself (every page of tools/list), passed through
// the same response guards as a client's list (allowlist, pins, sanitising), and refreshed on
// notifications/tools/list_changed before any further call is let through. tools/call is only forwarded for a tool in
// this catalog, so a tool hidden from the list can never be called.
import type { RequestInfo, SessionState, ToolDefinition } from "../guards/types.ts";
import type { JsonRpcResponse } from "../mcp/jsonrpc.ts";
import type { GuardChain } from "../policy/chain.ts";
import type { Policy } from "../policy/schema.ts";
import { createMessageContext } from "./message-context.ts";

const LIST_TIMEOUT_MS = 30_000;
/** A server that keeps returning cursors is cut off: pagination is bounded (CWE-834). */
const MAX_PAGES = 100;

export interface ToolCatalog {
  /** Resolves once the catalog is current; never rejects (a failed fetch leaves an empty catalog: fail closed). */
  ready(): Promise<void>;
  /** True when ready() would resolve with nothing to wait for: the newest list is in. Lets tools/call skip a promise. */
  isReady(): boolean;
  invalidate(): void;
}

export function createToolCatalog(deps: {
  state: SessionState;
  policy: Policy;
  chain: GuardChain;
  list(params: Record<string, unknown>, timeoutMs: number): Promise<Record<string, unknown>>;
}): ToolCatalog {
  let current: Promise<void> | undefined;
  let generation = 0;
  /** The generation whose list is in state.tools; -1 before the first list (or after a failed one). */
  let settledGeneration = -1;

  const fetchAll = async (gen: number): Promise<void> => {
    const tools = new Map<string, ToolDefinition>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = cursor === undefined ? {} : { cursor };
      const result = await deps.list(params, LIST_TIMEOUT_MS);
      const kept = await filterPage(deps, result, params);
      for (const tool of kept) tools.set(tool.name, tool);
      cursor = typeof result.nextCursor === "string" ? result.nextCursor : undefined;
      if (cursor === undefined) break;
    }
    if (gen !== generation) return; // a newer list_changed superseded this fetch
    deps.state.tools.clear();
    for (const [name, tool] of tools) deps.state.tools.set(name, tool);
    settledGeneration = gen;
  };

  const refresh = () => {
    const gen = ++generation;
    deps.state.tools.clear();
    current = fetchAll(gen).catch(() => {
      // Upstream without tools, or unavailable: the catalog stays empty, so every tools/call is refused.
      if (gen === generation) current = undefined;
    });
    return current;
  };

  // A list_changed during a fetch supersedes it: wait for the newest generation (bounded, a server could flap).
  const ready = async () => {
    for (let attempt = 0; attempt < MAX_PAGES; attempt++) {
      const pending = current ?? refresh();
      const gen = generation;
      await pending;
      if (gen === generation) return;
    }
  };

  return {
    ready,
    // A failed fetch clears `current`, so the next ready() retries; isReady() is false then too.
    isReady: () => current !== undefined && settledGeneration === generation,
    invalidate: () => {
      void refresh();
    },
  };
}

async function filterPage(
  deps: { state: SessionState; policy: Policy; chain: GuardChain },
  result: Record<string, unknown>,
  params: Record<string, unknown>,
): Promise<ToolDefinition[]> {
  const message: JsonRpcResponse = { jsonrpc: "2.0", id: "warden-catalog", result };
  const request: RequestInfo = { id: "warden-catalog", method: "tools/list", params, startedAt: performance.now() };
  const ctx = createMessageContext({
    phase: "response",
    session: deps.state,
    policy: deps.policy,
    message,
    bytes: 0,
    request,
  });
  const outcome = await deps.chain.run(ctx);
  if (!outcome.ok) return [];
  const tools = (ctx.message as JsonRpcResponse).result?.tools;
  return Array.isArray(tools) ? tools.filter(isToolDefinition) : [];
}

function isToolDefinition(t: unknown): t is ToolDefinition {
  return t !== null && typeof t === "object" && typeof (t as ToolDefinition).name === "string";
}
