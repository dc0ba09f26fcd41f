// The audit events a session writes itself: refusals (one deny event, with the guards' detail) and the end of every
// audited call (outcome, latency, bytes, redaction counts). Start events are the `audit` guard's.
import type { AuditDraft } from "../audit/event.ts";
import type { RequestInfo, SessionState } from "../guards/types.ts";
import { AUDITED_METHODS } from "../mcp/methods.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import type { Logger } from "./logger.ts";

export interface AuditedCall {
  info: RequestInfo;
  audit: AuditDraft;
}

export class SessionAudit {
  constructor(
    private readonly recorder: AuditRecorder,
    private readonly logger: Logger,
    private readonly state: SessionState,
  ) {}

  denied(method: string, tool: string | null, code: string, args?: unknown, detail?: Record<string, unknown>): void {
    this.write({
      method,
      tool,
      args,
      decision: "deny",
      code,
      outcome: "refused",
      ms: null,
      redactions: {},
      bytes_out: null,
      ...(detail ? { detail } : {}),
    });
  }

  ended(call: AuditedCall, outcome: string, code: string | null, bytesOut: number | null): void {
    if (!AUDITED_METHODS.has(call.info.method)) return;
    this.write({
      method: call.info.method,
      tool: call.info.tool ?? null,
      args: call.info.params?.arguments,
      decision: "allow",
      code,
      outcome,
      ms: Math.round((performance.now() - call.info.startedAt) * 1000) / 1000,
      redactions: call.audit.redactions,
      bytes_out: bytesOut,
      ...(call.audit.detail ? { detail: call.audit.detail } : {}),
    });
  }

  private write(entry: Omit<Parameters<AuditRecorder["record"]>[0], "session" | "principal">): void {
    this.recorder
      .record({ session: this.state.id, principal: this.state.principal, ...entry })
      .catch((err: unknown) => this.logger.error({ err: String(err) }, "audit write failed"));
  }
}
