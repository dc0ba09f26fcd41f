// Which confirmation a tools/call needs (issue: human confirmation). First the policy (`tools.<key>.confirm`), then the
// tool's annotations — untrusted hints, so a tool counts as read-only only when it says `readOnlyHint: true` AND its
// live definition is the pinned, approved one — and otherwise the default (`defaults.confirm: writes` means elicit).
// Absent annotations count as destructive (MCP "Tools" › annotations defaults).
import { type Lockfile, lockedTool } from "../policy/lockfile.ts";
import type { Policy } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";
import { pinStateOf } from "./pin-state.ts";
import type { MessageContext, SessionState, ToolDefinition } from "./types.ts";

export type ConfirmMode = "never" | "elicit" | "mrtr" | "console" | "param";

export function confirmModeFor(
  policy: Policy,
  session: SessionState,
  tool: string,
  lock: Lockfile | undefined,
  def: ToolDefinition | undefined = session.tools.get(tool),
): ConfirmMode {
  const explicit = toolPolicyFor(policy, session.upstream, tool)?.confirm;
  if (explicit) return explicit;
  const fallback = policy.defaults.confirm;
  if (fallback === "never") return "never";
  if (isPinnedReadOnly(session, tool, lock, def)) return "never";
  return fallback === "writes" ? "elicit" : fallback;
}

/**
 * confirmModeFor for the tool of a tools/call, computed once per message: `confirm-param` and `confirm` both need it,
 * and each computation is a policy lookup, a lock lookup and a pin-state lookup. The memo is keyed on the message
 * context and checked against the tool name, session definition and lock, so a lock reloaded between the two guards
 * (an async guard in between) is still honoured.
 */
export function callConfirmMode(ctx: MessageContext, tool: string, lock: Lockfile | undefined): ConfirmMode {
  const def = ctx.session.tools.get(tool);
  const live = pinStateOf(ctx.session).seen.get(tool);
  const memo = memos.get(ctx);
  if (memo && memo.tool === tool && memo.lock === lock && memo.def === def && memo.live === live) return memo.mode;
  const mode = confirmModeFor(ctx.policy, ctx.session, tool, lock, def);
  memos.set(ctx, { tool, lock, def, live, mode });
  return mode;
}

const memos = new WeakMap<
  MessageContext,
  {
    tool: string;
    lock: Lockfile | undefined;
    def: ToolDefinition | undefined;
    live: string | undefined;
    mode: ConfirmMode;
  }
>();

function isPinnedReadOnly(
  session: SessionState,
  tool: string,
  lock: Lockfile | undefined,
  def: ToolDefinition | undefined,
): boolean {
  if (def?.annotations?.readOnlyHint !== true || !lock) return false;
  // The hash the pin guard computed over the definition as the upstream listed it, before any rewriting.
  const live = pinStateOf(session).seen.get(tool);
  return live !== undefined && lockedTool(lock, session.upstream, tool)?.sha256 === live;
}
