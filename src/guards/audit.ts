// Guard `audit`: the last request guard. For audited methods it writes the call's start event before the call is
// forwarded; with `audit.fail_closed` a call whose event cannot be written is refused (DESIGN.md "Policy file" › audit).

import { JSONRPC, PolicyError } from "../errors.ts";
import type { AuditRecorder } from "../gateway/audit-recorder.ts";
import type { JsonRpcRequest } from "../mcp/jsonrpc.ts";
import { AUDITED_METHODS } from "../mcp/methods.ts";
import type { Guard, MessageContext } from "./types.ts";

export function audit(recorder: AuditRecorder, opts: { failClosed: boolean; onError(err: unknown): void }): Guard {
  return {
    id: "audit",
    phases: ["request"],
    run(ctx: MessageContext) {
      const req = ctx.message as JsonRpcRequest;
      // Synchronous for unaudited methods, so they cost no promise.
      if (!AUDITED_METHODS.has(req.method)) return;
      return writeStart(recorder, opts, ctx, req);
    },
  };
}

async function writeStart(
  recorder: AuditRecorder,
  opts: { failClosed: boolean; onError(err: unknown): void },
  ctx: MessageContext,
  req: JsonRpcRequest,
): Promise<void> {
  ctx.audit.decision = "allow";
  try {
    await recorder.record({
      session: ctx.session.id,
      principal: ctx.session.principal,
      method: req.method,
      tool: ctx.request?.tool ?? null,
      args: req.params?.arguments,
      decision: "allow",
      code: null,
      outcome: "forwarded",
      ms: null,
      redactions: {},
      bytes_out: null,
      ...(ctx.audit.detail ? { detail: ctx.audit.detail } : {}),
    });
  } catch (err) {
    opts.onError(err);
    if (opts.failClosed) throw new PolicyError("ERR_AUDIT_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR });
  }
}
