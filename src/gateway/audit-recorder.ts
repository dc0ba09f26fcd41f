// What the gateway hands to the audit log for one event. The recorder computes args_fp from `args` (HMAC) and never
// stores the arguments themselves.
import type { Principal } from "../guards/types.ts";

export interface AuditEntry {
  session: string;
  principal: Principal;
  method: string;
  tool: string | null;
  args?: unknown;
  decision: "allow" | "deny";
  code: string | null;
  outcome: string;
  ms: number | null;
  redactions: Record<string, number>;
  bytes_out: number | null;
  detail?: Record<string, unknown>;
}

export interface AuditRecorder {
  /** Resolves once the event is durably written; rejects when it could not be written. */
  record(entry: AuditEntry): Promise<void>;
  close(): Promise<void>;
}

/** For `audit.enabled: false`: records nothing. */
export const NO_AUDIT: AuditRecorder = {
  record: () => Promise.resolve(),
  close: () => Promise.resolve(),
};
