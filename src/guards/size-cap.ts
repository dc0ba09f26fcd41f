// Guard `size-cap`: results of tools/call, resources/read and prompts/get larger than the policy's cap are
// truncated head+tail with a visible notice, or refused (`defaults.on_oversize`) — bounding what reaches the
// model's context (CWE-400, data minimisation). Truncation rules: truncate-result.ts.
import { JSONRPC, PolicyError } from "../errors.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";
import { addAuditDetail } from "./audit-detail.ts";
import { type CappedMethod, truncateResult } from "./truncate-result.ts";
import type { Guard, MessageContext } from "./types.ts";

const CAPPED: ReadonlySet<string> = new Set<CappedMethod>(["tools/call", "resources/read", "prompts/get"]);

/** True when the response answers a method whose results are capped. */
export function isCappedMethod(method: string | undefined): method is CappedMethod {
  return method !== undefined && CAPPED.has(method);
}

/** The byte cap of a response: the tool's `response.max_bytes`, else `defaults.max_response_bytes`. */
export function responseLimit(ctx: MessageContext): number {
  const tool = ctx.request?.method === "tools/call" ? ctx.request.tool : undefined;
  const perTool = tool === undefined ? undefined : toolPolicyFor(ctx.policy, ctx.session.upstream, tool);
  return perTool?.response?.max_bytes ?? ctx.policy.defaults.max_response_bytes;
}

/** The message's size now: the original bytes unless an earlier guard (redaction, projection) changed it. */
function currentBytes(ctx: MessageContext): number {
  return ctx.changed ? Buffer.byteLength(JSON.stringify(ctx.message)) : ctx.bytes;
}

function tooLarge(limit: number): PolicyError {
  return new PolicyError("ERR_POLICY_RESPONSE_TOO_LARGE", {
    jsonRpcCode: JSONRPC.SERVER_ERROR,
    data: { max_bytes: limit },
  });
}

export function sizeCap(): Guard {
  function run(ctx: MessageContext): void {
    const method = ctx.request?.method;
    if (!isCappedMethod(method)) return;
    const limit = responseLimit(ctx);
    const bytes = currentBytes(ctx);
    if (bytes <= limit) return;
    const message = ctx.message as { result?: unknown; error?: unknown };
    // An oversized error object has no text to keep: answer with our own error instead.
    if (ctx.policy.defaults.on_oversize === "refuse" || message.error !== undefined) throw tooLarge(limit);
    const tool = ctx.request?.tool;
    const hasOutputSchema = tool !== undefined && ctx.session.tools.get(tool)?.outputSchema !== undefined;
    const size = truncateResult(message, { method, limit, originalBytes: bytes, hasOutputSchema });
    if (size === undefined) throw tooLarge(limit);
    ctx.markChanged();
    addAuditDetail(ctx, "truncated", { from: bytes, to: size });
  }
  return { id: "size-cap", phases: ["response"], run };
}
