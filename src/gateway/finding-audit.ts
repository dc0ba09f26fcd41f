// Audit events for findings about tool definitions (pin drift, unpinned tools, a changed server, poisoned
// descriptions). They happen on tools/list, which is not an audited call, and on the gateway's own re-list after
// list_changed, which has no client call to carry them — so each finding is its own event.
import type { MessageContext } from "../guards/types.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import type { Logger } from "./logger.ts";

export type FindingSink = (ctx: MessageContext, finding: Record<string, unknown>) => void;

export function findingAuditor(recorder: AuditRecorder, logger: Logger, source: "pin" | "sanitize"): FindingSink {
  return (ctx, finding) => {
    const action = String(finding.action ?? "");
    const kept = action === "warn" || action === "flag";
    recorder
      .record({
        session: ctx.session.id,
        principal: ctx.session.principal,
        method: ctx.request?.method ?? "tools/list",
        tool: typeof finding.tool === "string" ? finding.tool : null,
        decision: kept ? "allow" : "deny",
        code: kept ? null : "ERR_POLICY_TOOL_QUARANTINED",
        outcome: `${source}:${String(finding.kind ?? "finding")}`,
        ms: null,
        redactions: {},
        bytes_out: null,
        detail: { [source]: finding },
      })
      .catch((err: unknown) => logger.error({ err: String(err) }, "audit write failed"));
    logger.warn({ source, tool: finding.tool, kind: finding.kind, action }, "tool definition finding");
  };
}
