// Audit events of the toolkit in the DESIGN.md "Audit event" format, written through one small sink interface
// (the chained writer of src/audit/ supplies seq, prev and hash: auditLogSink; a test sink can collect them).
import type { AuditLog } from "../audit/audit-log.ts";
import type { AuditEvent } from "../audit/event.ts";

export { argsFingerprint } from "../audit/fingerprint.ts";

/** An audit event before the writer chains it. */
export type ToolAuditRecord = Omit<AuditEvent, "seq" | "prev" | "hash">;

export interface ToolAuditSink {
  /** Must throw (or reject) when the event could not be recorded; fail_closed refuses the call then. */
  write(record: ToolAuditRecord): void | Promise<void>;
}

export interface ToolkitAuditOptions {
  sink: ToolAuditSink;
  /** HMAC key for args_fp (DESIGN.md: arguments are fingerprinted, never stored). */
  hmacKey: string | Buffer;
  /** Environment name written into each event (default "production"). */
  env?: string;
  /** Name of this server as the audit's `upstream` (default: the server name). */
  upstream?: string;
  /** Refuse a call whose start could not be audited (default true). */
  failClosed?: boolean;
}

/** A sink over the shared chained audit writer (src/audit/audit-log.ts); it owns v, seq, env, prev and hash. */
export function auditLogSink(log: AuditLog): ToolAuditSink {
  return {
    write: ({ v: _v, env: _env, ...fields }) => log.append(fields),
  };
}

/** An in-memory sink (tests, embedding): keeps records in order. */
export function memoryAuditSink(): ToolAuditSink & { readonly records: ToolAuditRecord[] } {
  const records: ToolAuditRecord[] = [];
  return {
    records,
    write(record) {
      records.push(record);
    },
  };
}
