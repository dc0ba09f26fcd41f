// Guard `pin`: enforces warden.lock (DESIGN.md "Tool pins", issue 8, the "rug pull" defence). On tools/list results
// (and the re-list after notifications/tools/list_changed) each tool's hash is compared with its pin; a drifted or
// unpinned tool is hidden and later refused exactly like a nonexistent tool; `block-server` refuses the whole upstream.
import { unknownToolError } from "../gateway/wire-errors.ts";
import type { JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import type { LockSource } from "../policy/lock-source.ts";
import { type Lockfile, lockedTool } from "../policy/lockfile.ts";
import { toolHash } from "../policy/tool-hash.ts";
import { addAuditDetail } from "./audit-detail.ts";
import { type PinFinding, pinStateOf, serverDrift, upstreamBlocked, verdictFor } from "./pin-state.ts";
import type { Guard, MessageContext, ToolDefinition } from "./types.ts";

export interface PinGuard extends Guard {
  /** The pinned inputSchema, so argument validation checks what was reviewed, not what the server says now. */
  pinnedSchemaFor(upstream: string, tool: string): Record<string, unknown> | undefined;
}

export interface PinGuardOptions {
  lock: LockSource;
  /**
   * Called once per session for each new finding on a tools/list or initialize response (drift with old and new
   * hashes, an unpinned tool, a changed server), so the gateway can write an audit event: tools/list is not an
   * audited method, and the gateway's own re-list after list_changed has no client call to attach the detail to.
   */
  onFinding?: (ctx: MessageContext, finding: Record<string, unknown>) => void;
}

export function pin(opts: PinGuardOptions): PinGuard {
  const report = (ctx: MessageContext, detail: Record<string, unknown>) => {
    addDetail(ctx, detail);
    if (opts.onFinding) for (const f of newFindings(ctx, detail)) opts.onFinding(ctx, f);
  };
  return {
    id: "pin",
    phases: ["request", "response"],
    run(ctx: MessageContext) {
      if (ctx.phase === "request") checkPinnedCall(ctx, opts.lock());
      else if (ctx.request?.method === "tools/list") checkToolList(ctx, opts.lock(), report);
      else if (ctx.request?.method === "initialize") checkServerIdentity(ctx, opts.lock(), report);
    },
    pinnedSchemaFor: (upstream, tool) => pinnedSchemaFor(opts.lock(), upstream, tool),
  };
}

export function pinnedSchemaFor(lock: Lockfile, upstream: string, tool: string): Record<string, unknown> | undefined {
  const schema = lockedTool(lock, upstream, tool)?.definition.inputSchema;
  return typeof schema === "object" && schema !== null && !Array.isArray(schema)
    ? (schema as Record<string, unknown>)
    : undefined;
}

/** Response of initialize: remember the server's identity; report a change against the lock. */
export function checkServerIdentity(ctx: MessageContext, lock: Lockfile, report: Report = addDetail): void {
  const info = (ctx.message as JsonRpcResponse).result?.serverInfo as { name?: unknown; version?: unknown } | undefined;
  if (!info) return;
  const state = pinStateOf(ctx.session);
  state.server = { name: String(info.name ?? ""), version: String(info.version ?? "") };
  const drift = serverDrift(state, lock, ctx.session.upstream);
  if (drift) report(ctx, { server: { locked: drift.locked, live: drift.live, action: ctx.policy.pins.on_drift } });
}

/** Response of tools/list (any page): hash every tool, hide the drifted and unpinned ones per policy. */
export function checkToolList(ctx: MessageContext, lock: Lockfile, report: Report = addDetail): void {
  const result = (ctx.message as JsonRpcResponse).result;
  const tools = result?.tools;
  if (!result || !Array.isArray(tools)) return;
  const state = pinStateOf(ctx.session);
  const findings: PinFinding[] = [];
  const hidden = new Set<unknown>();
  for (const tool of tools as ToolDefinition[]) {
    if (typeof tool !== "object" || tool === null || typeof tool.name !== "string") continue;
    const sha256 = toolHash(tool);
    state.seen.set(tool.name, sha256);
    const finding = verdictFor(ctx.policy, lock, ctx.session.upstream, tool.name, sha256);
    if (finding) findings.push(finding);
    if (finding?.action === "quarantine") hidden.add(tool);
  }
  const blocked = upstreamBlocked(ctx.policy, state, lock, ctx.session.upstream);
  const kept = blocked ? [] : tools.filter((t) => !hidden.has(t));
  if (kept.length !== tools.length) {
    result.tools = kept;
    ctx.markChanged();
  }
  if (findings.length > 0 || blocked) report(ctx, { findings, ...(blocked ? { blocked: true } : {}) });
}

/** Request tools/call: a quarantined tool, or any tool of a blocked upstream, gets the unknown-tool answer. */
export function checkPinnedCall(ctx: MessageContext, lock: Lockfile): void {
  const req = ctx.message as JsonRpcRequest;
  if (req.method !== "tools/call") return;
  const name = req.params?.name;
  if (typeof name !== "string") return; // malformed calls are the allowlist's and argument guard's to refuse
  const state = pinStateOf(ctx.session);
  const upstream = ctx.session.upstream;
  if (upstreamBlocked(ctx.policy, state, lock, upstream)) {
    addDetail(ctx, { refused: "upstream-blocked", tool: name });
    throw unknownToolError(name);
  }
  const live = state.seen.get(name);
  // Not listed in this session: the pinned definition is what the client can know; an unpinned name follows policy.
  const finding =
    live === undefined
      ? lockedTool(lock, upstream, name)
        ? undefined
        : verdictFor(ctx.policy, lock, upstream, name, undefined)
      : verdictFor(ctx.policy, lock, upstream, name, live);
  if (finding?.action === "quarantine") {
    addDetail(ctx, { refused: "quarantined", ...finding });
    throw unknownToolError(name);
  }
}

type Report = (ctx: MessageContext, detail: Record<string, unknown>) => void;

function addDetail(ctx: MessageContext, pinDetail: Record<string, unknown>): void {
  addAuditDetail(ctx, "pin", pinDetail);
}

/** The findings of `detail` not yet reported in this session (each list re-reports the same drift otherwise). */
function newFindings(ctx: MessageContext, detail: Record<string, unknown>): Record<string, unknown>[] {
  const state = pinStateOf(ctx.session);
  const all: Record<string, unknown>[] = ((detail.findings as PinFinding[] | undefined) ?? []).map((f) => ({ ...f }));
  if (detail.server) all.push({ server: detail.server });
  if (detail.blocked) all.push({ blocked: true });
  return all.filter((f) => {
    const key = JSON.stringify(f);
    if (state.reported.has(key)) return false;
    state.reported.add(key);
    return true;
  });
}
