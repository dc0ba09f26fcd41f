// Guard `sanitize`: tool-definition hygiene on tools/list results. Invisible Unicode and escapes are stripped; a tool
// whose definition looks poisoned (hidden instructions, credential requests, exfiltration URLs …) is quarantined —
// removed from the list and refused on tools/call like a nonexistent tool — or, with `defaults.on_poisoned: flag`,
// kept (sanitised) and only audited. A tool whose NAME is tainted is always dropped: a name is an identity, never
// rewritten. OWASP LLM01 (prompt injection via tool descriptions); Invariant Labs' tool-poisoning advisory (2025).
import { analyzeToolDefinition, type PoisoningFinding } from "../detect/poisoning/index.ts";
import { unknownToolError } from "../gateway/wire-errors.ts";
import type { JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { addAuditDetail } from "./audit-detail.ts";
import type { Guard, MessageContext, SessionState, ToolDefinition } from "./types.ts";

const SCRATCH_KEY = "sanitize";
/** Bound on remembered quarantined names per session (a hostile server could list unbounded names). */
const MAX_REMEMBERED = 10_000;
/** Bound on tools described in one audit event. */
const MAX_AUDITED = 50;

interface SanitizeState {
  /** Quarantined tool name → rule ids that flagged it. */
  readonly quarantined: Map<string, string[]>;
  /** Tool+action pairs already reported to onFinding (bounded like `quarantined`). */
  readonly reported: Set<string>;
}

interface Verdict {
  tool: string;
  action: "quarantine" | "flag" | "drop-name";
  findings: { rule: string; path: string }[];
}

export interface SanitizeOptions {
  /**
   * Called once per session and tool for a flagged definition, so the gateway can write an audit event saying why
   * (tools/list is not an audited call, and the gateway's own re-list has no client call to carry the detail).
   */
  onFinding?: (ctx: MessageContext, finding: Record<string, unknown>) => void;
}

export function sanitize(opts: SanitizeOptions = {}): Guard {
  return {
    id: "sanitize",
    phases: ["request", "response"],
    run(ctx) {
      if (ctx.phase === "request") checkCall(ctx);
      else if (ctx.phase === "response" && ctx.request?.method === "tools/list") {
        const verdicts = cleanList(ctx);
        if (opts.onFinding) report(ctx, verdicts, opts.onFinding);
      }
    },
  };
}

function report(
  ctx: MessageContext,
  verdicts: readonly Verdict[],
  onFinding: NonNullable<SanitizeOptions["onFinding"]>,
) {
  const state = stateOf(ctx.session);
  for (const v of verdicts) {
    const key = `${v.tool}\u0000${v.action}`;
    if (state.reported.has(key)) continue;
    if (state.reported.size < MAX_REMEMBERED) state.reported.add(key);
    onFinding(ctx, { tool: v.tool, kind: "poisoned", action: v.action, findings: v.findings });
  }
}

/** True when this session's tools/list results had `name` quarantined as poisoned. */
export function isQuarantinedAsPoisoned(session: SessionState, name: string): boolean {
  return stateOf(session).quarantined.has(name);
}

function stateOf(session: SessionState): SanitizeState {
  let state = session.scratch.get(SCRATCH_KEY) as SanitizeState | undefined;
  if (!state) {
    state = { quarantined: new Map(), reported: new Set() };
    session.scratch.set(SCRATCH_KEY, state);
  }
  return state;
}

function checkCall(ctx: MessageContext): void {
  const req = ctx.message as JsonRpcRequest;
  if (req.method !== "tools/call") return;
  const name = req.params?.name;
  if (typeof name !== "string") return; // malformed calls are the allowlist's to refuse
  const rules = stateOf(ctx.session).quarantined.get(name);
  if (!rules) return;
  addAuditDetail(ctx, "poisoning", { refused: "quarantined", tool: name, rules });
  // Same answer as a nonexistent tool (DESIGN.md "Denials never leak").
  throw unknownToolError(name);
}

function cleanList(ctx: MessageContext): Verdict[] {
  const result = (ctx.message as JsonRpcResponse).result;
  const tools = result?.tools;
  if (!result || !Array.isArray(tools)) return [];
  const state = stateOf(ctx.session);
  const quarantine = ctx.policy.defaults.on_poisoned === "quarantine";
  const verdicts: Verdict[] = [];
  let changed = false;
  const kept: unknown[] = [];
  for (const tool of tools) {
    if (typeof tool !== "object" || tool === null || typeof (tool as ToolDefinition).name !== "string") {
      kept.push(tool); // not a tool definition: the allowlist and pin guards deal with malformed entries
      continue;
    }
    const def = tool as ToolDefinition;
    const { findings, sanitized, nameTainted } = analyzeToolDefinition(def);
    if (findings.length === 0) {
      state.quarantined.delete(def.name);
      kept.push(def);
      continue;
    }
    const action = nameTainted ? "drop-name" : quarantine ? "quarantine" : "flag";
    verdicts.push({ tool: def.name, action, findings: findings.map(brief) });
    if (action === "flag") {
      kept.push(sanitized);
      changed ||= findings.some((f) => f.rule === "invisible-unicode" || f.rule === "ansi-escape");
    } else {
      remember(state, def.name, findings);
      changed = true;
    }
  }
  if (changed) {
    result.tools = kept;
    ctx.markChanged();
  }
  if (verdicts.length > 0) recordVerdicts(ctx, verdicts);
  return verdicts;
}

function brief(f: PoisoningFinding): { rule: string; path: string } {
  return { rule: f.rule, path: f.path };
}

function remember(state: SanitizeState, name: string, findings: readonly PoisoningFinding[]): void {
  if (!state.quarantined.has(name) && state.quarantined.size >= MAX_REMEMBERED) {
    const oldest = state.quarantined.keys().next();
    if (!oldest.done) state.quarantined.delete(oldest.value);
  }
  state.quarantined.set(name, [...new Set(findings.map((f) => f.rule))]);
}

function recordVerdicts(ctx: MessageContext, verdicts: Verdict[]): void {
  const poisoning = {
    on_poisoned: ctx.policy.defaults.on_poisoned,
    flagged: verdicts.length,
    tools: verdicts.slice(0, MAX_AUDITED),
  };
  addAuditDetail(ctx, "poisoning", poisoning);
}
