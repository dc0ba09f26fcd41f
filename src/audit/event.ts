// The audit event of DESIGN.md "Audit event": one JSON object per line, hash-chained.

export interface AuditPrincipal {
  sub: string | null;
  iss: string | null;
  client_id: string | null;
}

/** One line of the audit log, in the field order of the contract. */
export interface AuditEvent {
  v: 1;
  seq: number;
  ts: string;
  env: string;
  upstream: string;
  session: string;
  principal: AuditPrincipal;
  method: string;
  tool: string | null;
  args_fp: string | null;
  decision: "allow" | "deny" | string;
  code: string | null;
  outcome: string;
  ms: number | null;
  redactions: Record<string, number>;
  bytes_out: number | null;
  prev: string;
  hash: string;
  /** Optional extra detail for some events (drift hashes, confirmation mode); never argument values. */
  detail?: Record<string, unknown>;
}

/** What guards accumulate while a call crosses the chain; the audit guard turns it into an AuditEvent. */
export interface AuditDraft {
  decision?: "allow" | "deny";
  code?: string;
  outcome?: string;
  redactions: Record<string, number>;
  detail?: Record<string, unknown>;
}
