// Per-call audit: a start event before the handler runs (refused when it cannot be written and fail_closed is on)
// and an end event with outcome, redaction counts and bytes; refusals get one deny event. Never argument values.
import type { AuditPrincipal } from "../audit/event.ts";
import { PolicyError } from "../errors.ts";
import type { ShapedResult } from "./shape-result.ts";
import { argsFingerprint, type ToolAuditRecord, type ToolkitAuditOptions } from "./toolkit-audit.ts";

export interface CallAudit {
  /** Records how the call was confirmed (detail of the following events). */
  confirmed(detail: Record<string, unknown>): void;
  start(args: Record<string, unknown>): Promise<void>;
  finish(outcome: "ok" | "error", shaped?: ShapedResult, code?: string): void;
  deny(code: string): void;
}

export interface CallAuditBase {
  upstream: string;
  session: string;
  principal: AuditPrincipal;
  tool: string;
  rawArgs: unknown;
  onError: (err: unknown) => void;
}

const NO_AUDIT: CallAudit = { confirmed() {}, async start() {}, finish() {}, deny() {} };

export function createCallAudit(options: ToolkitAuditOptions | undefined, base: CallAuditBase): CallAudit {
  if (options === undefined) return NO_AUDIT;
  const startedAt = performance.now();
  let detail: Record<string, unknown> = {};
  let argsFp = argsFingerprint(options.hmacKey, base.rawArgs ?? {});
  const record = (fields: Partial<ToolAuditRecord>): ToolAuditRecord => ({
    v: 1,
    ts: new Date().toISOString(),
    env: options.env ?? "production",
    upstream: options.upstream ?? base.upstream,
    session: base.session,
    principal: base.principal,
    method: "tools/call",
    tool: base.tool,
    args_fp: argsFp,
    decision: "allow",
    code: null,
    outcome: "ok",
    ms: null,
    redactions: {},
    bytes_out: null,
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
    ...fields,
  });
  const writeLater = (r: ToolAuditRecord) => {
    Promise.resolve()
      .then(() => options.sink.write(r))
      .catch(base.onError);
  };
  const elapsed = () => Math.round((performance.now() - startedAt) * 1000) / 1000;
  return {
    confirmed(d) {
      detail = d;
    },
    async start(args) {
      argsFp = argsFingerprint(options.hmacKey, args);
      try {
        await options.sink.write(record({ outcome: "started" }));
      } catch (err) {
        base.onError(err);
        if (options.failClosed !== false) throw new PolicyError("ERR_AUDIT_UNAVAILABLE", { jsonRpcCode: -32603 });
      }
    },
    finish(outcome, shaped, code) {
      const redactions = shaped?.redactions ?? {};
      const extra = shaped?.truncated ? { truncated: true } : {};
      const d = { ...detail, ...extra };
      writeLater(
        record({
          outcome,
          code: code ?? null,
          ms: elapsed(),
          redactions,
          bytes_out: shaped?.bytesOut ?? null,
          ...(Object.keys(d).length > 0 ? { detail: d } : {}),
        }),
      );
    },
    deny(code) {
      writeLater(record({ decision: "deny", code, outcome: "refused", ms: elapsed() }));
    },
  };
}
