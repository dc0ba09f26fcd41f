// Guard `authorize`: per-tool scopes (`tools.<key>.scopes`) and the environment bound into the principal's credential.
// A tools/call without every required scope is refused with ERR_AUTH_INSUFFICIENT_SCOPE (HTTP 403, RFC 6750 §3.1
// insufficient_scope, data.scope = the scopes the tool needs so the client can step up); tools/list results are
// filtered to the tools the principal may call. Local stdio principals (iss "local") carry no token, hence no scopes:
// for them scopes are not enforced (the local user already holds the upstream's own privileges).
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import type { Policy } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";
import type { Guard, MessageContext, Principal, ToolDefinition } from "./types.ts";

export const LOCAL_ISSUER = "local";

export function authorize(): Guard {
  return {
    id: "authorize",
    phases: ["request", "response"],
    run(ctx: MessageContext) {
      if (ctx.session.principal.iss === LOCAL_ISSUER) return;
      if (ctx.phase === "request") checkRequest(ctx);
      else if (ctx.request?.method === "tools/list") filterList(ctx);
    },
  };
}

/** Scopes the principal lacks for `tool` (empty when the policy does not list the tool: the allowlist decides). */
export function missingScopes(policy: Policy, upstream: string, principal: Principal, tool: string): string[] {
  const entry = toolPolicyFor(policy, upstream, tool);
  if (!entry?.allow) return [];
  return entry.scopes.filter((s) => !principal.scopes.includes(s));
}

function checkRequest(ctx: MessageContext): void {
  const { principal } = ctx.session;
  // Lateral movement: a credential of another environment is refused even if a verifier let it through.
  if (principal.environment !== undefined && principal.environment !== ctx.session.environment) {
    throw new PolicyError("ERR_AUTH_WRONG_ENVIRONMENT", { httpStatus: 401 });
  }
  const req = ctx.message as JsonRpcRequest;
  if (req.method !== "tools/call") return;
  const name = req.params?.name;
  // Only tools the policy lists as allowed can get a 403 (their scopes are public in the resource metadata);
  // denied, unlisted and unknown tools are left to tool-allowlist, so a 403 never reveals a hidden tool.
  if (typeof name !== "string") return;
  if (missingScopes(ctx.policy, ctx.session.upstream, principal, name).length === 0) return;
  const needed = toolPolicyFor(ctx.policy, ctx.session.upstream, name)?.scopes ?? [];
  throw new PolicyError("ERR_AUTH_INSUFFICIENT_SCOPE", {
    httpStatus: 403,
    jsonRpcCode: JSONRPC.INVALID_REQUEST,
    data: { scope: needed.join(" ") },
  });
}

function filterList(ctx: MessageContext): void {
  const result = (ctx.message as JsonRpcResponse).result;
  const tools = result?.tools;
  if (!result || !Array.isArray(tools)) return;
  const { principal, upstream } = ctx.session;
  const kept = tools.filter(
    (t: ToolDefinition) =>
      t && typeof t.name === "string" && missingScopes(ctx.policy, upstream, principal, t.name).length === 0,
  );
  if (kept.length !== tools.length) {
    result.tools = kept;
    ctx.markChanged();
  }
}
