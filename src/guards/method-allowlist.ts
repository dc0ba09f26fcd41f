// Guard `method-allowlist`: only methods the MCP spec defines for the sender's role pass, unless the policy allows
// unknown ones (`defaults.methods: allow` or `methods.allow`). `methods.deny` removes spec methods (e.g. sampling).
// Names match exactly: no case folding or trimming (docker/mcp-gateway#549).
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcNotification } from "../mcp/jsonrpc.ts";
import { CLIENT_NOTIFICATIONS, CLIENT_REQUESTS, SERVER_NOTIFICATIONS, SERVER_REQUESTS } from "../mcp/methods.ts";
import type { Guard, MessageContext, Phase } from "./types.ts";

const KNOWN: Partial<Record<Phase, ReadonlySet<string>>> = {
  request: CLIENT_REQUESTS,
  "client-notification": CLIENT_NOTIFICATIONS,
  "server-request": SERVER_REQUESTS,
  "server-notification": SERVER_NOTIFICATIONS,
};

export function methodAllowlist(): Guard {
  return {
    id: "method-allowlist",
    phases: ["request", "client-notification", "server-request", "server-notification"],
    run(ctx: MessageContext) {
      const method = (ctx.message as JsonRpcNotification).method;
      if (!isMethodAllowed(ctx, method)) {
        throw new PolicyError("ERR_POLICY_METHOD_NOT_ALLOWED", {
          jsonRpcCode: JSONRPC.METHOD_NOT_FOUND,
          message: "Method not found",
        });
      }
    },
  };
}

function isMethodAllowed(ctx: MessageContext, method: string): boolean {
  const extra = ctx.policy.methods;
  if (extra?.deny.includes(method)) return false;
  if (KNOWN[ctx.phase]?.has(method)) return true;
  return ctx.policy.defaults.methods === "allow" || (extra?.allow.includes(method) ?? false);
}
