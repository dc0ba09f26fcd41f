// Guard `confirm-param`: the guide's `confirm: true` argument, the weakest confirmation mode (the model that was
// tricked can set it too; use elicit or console where the client allows). For tools in `param` mode the argument is
// advertised in tools/list and stripped from calls before argument validation and forwarding; the value is kept in
// the audit detail, where it is marked as the weakest mode.

import type { JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import type { Lockfile } from "../policy/lockfile.ts";
import { addAuditDetail } from "./audit-detail.ts";
import { callConfirmMode, confirmModeFor } from "./confirm-mode.ts";
import type { Guard, MessageContext, ToolDefinition } from "./types.ts";

export const CONFIRM_PARAM = "confirm";

const PARAM_SCHEMA = {
  type: "boolean",
  description:
    "Set to true only after the user has explicitly confirmed this exact call. Calls without it are refused.",
};

export function confirmParam(lock: () => Lockfile | undefined): Guard {
  return {
    id: "confirm-param",
    phases: ["request", "response"],
    run(ctx: MessageContext) {
      if (ctx.phase === "request") stripParam(ctx, lock());
      else if (ctx.request?.method === "tools/list") advertiseParam(ctx, lock());
    },
  };
}

function stripParam(ctx: MessageContext, lock: Lockfile | undefined): void {
  const req = ctx.message as JsonRpcRequest;
  if (req.method !== "tools/call" || typeof req.params?.name !== "string") return;
  if (callConfirmMode(ctx, req.params.name, lock) !== "param") return;
  const args = req.params.arguments as Record<string, unknown> | undefined;
  const given = args !== null && typeof args === "object" && Object.hasOwn(args, CONFIRM_PARAM);
  addAuditDetail(ctx, "confirm_param", given && args[CONFIRM_PARAM] === true);
  if (given) {
    delete args[CONFIRM_PARAM];
    ctx.markChanged();
  }
}

function advertiseParam(ctx: MessageContext, lock: Lockfile | undefined): void {
  const tools = (ctx.message as JsonRpcResponse).result?.tools;
  if (!Array.isArray(tools)) return;
  for (const [i, tool] of (tools as ToolDefinition[]).entries()) {
    if (typeof tool?.name !== "string" || confirmModeFor(ctx.policy, ctx.session, tool.name, lock, tool) !== "param")
      continue;
    const schema = tool.inputSchema ?? { type: "object" };
    const properties = { ...(schema.properties as Record<string, unknown> | undefined), [CONFIRM_PARAM]: PARAM_SCHEMA };
    tools[i] = { ...tool, inputSchema: { ...schema, properties } };
    ctx.markChanged();
  }
}
