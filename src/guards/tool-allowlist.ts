// Guard `tool-allowlist`: default-deny tools. On tools/list results the tools the policy does not allow are removed;
// a tools/call is let through only for a tool in the session's catalog (which holds exactly the allowed, listed,
// non-quarantined tools). Everything else gets the protocol's unknown-tool answer, identical for denied, unlisted,
// quarantined and nonexistent tools. Names match exactly (no case folding, normalisation or trimming).

import { unknownToolError } from "../gateway/wire-errors.ts";
import type { JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import type { Policy } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";
import type { Guard, MessageContext, ToolDefinition } from "./types.ts";

export function toolAllowlist(): Guard {
  return {
    id: "tool-allowlist",
    phases: ["request", "response"],
    run(ctx: MessageContext) {
      if (ctx.phase === "request") checkCall(ctx);
      else if (ctx.request?.method === "tools/list") filterList(ctx);
    },
  };
}

export function isToolAllowed(policy: Policy, upstream: string, name: string): boolean {
  const entry = toolPolicyFor(policy, upstream, name);
  if (entry) return entry.allow;
  return policy.defaults.tools === "allow";
}

function checkCall(ctx: MessageContext): void {
  const req = ctx.message as JsonRpcRequest;
  if (req.method !== "tools/call") return;
  const name = req.params?.name;
  if (
    typeof name !== "string" ||
    !ctx.session.tools.has(name) ||
    !isToolAllowed(ctx.policy, ctx.session.upstream, name)
  ) {
    throw unknownToolError(name);
  }
}

function filterList(ctx: MessageContext): void {
  const result = (ctx.message as JsonRpcResponse).result;
  const tools = result?.tools;
  if (!result || !Array.isArray(tools)) return;
  const kept = tools.filter(
    (t: ToolDefinition) => t && typeof t.name === "string" && isToolAllowed(ctx.policy, ctx.session.upstream, t.name),
  );
  if (kept.length !== tools.length) {
    result.tools = kept;
    ctx.markChanged();
  }
}
