// Turns what a caller supplies into the event body the audit log chains: defaults filled, arguments fingerprinted.
import type { AuditEvent } from "./event.ts";
import { isoNow } from "./iso-now.ts";

/** What a caller supplies; the log fills in v, seq, env, prev, hash (and ts, args_fp when not given). */
export type AuditFields = Partial<Omit<AuditEvent, "v" | "seq" | "env" | "prev" | "hash">> &
  Pick<AuditEvent, "method" | "decision" | "outcome"> & {
    /** Raw arguments: only their HMAC fingerprint is written; the value is dropped at once. */
    args?: unknown;
  };

/** An event before the log assigns seq, prev and hash. */
export type DraftEvent = Omit<AuditEvent, "seq" | "prev" | "hash">;

/** The field order of the contract, for readable lines; the hash does not depend on it (canonical JSON). */
export function toEvent(fields: AuditFields, environment: string, fingerprint: (args: unknown) => string): DraftEvent {
  const event: DraftEvent = {
    v: 1,
    ts: fields.ts ?? isoNow(),
    env: environment,
    upstream: fields.upstream ?? "",
    session: fields.session ?? "",
    principal: fields.principal ?? { sub: null, iss: null, client_id: null },
    method: fields.method,
    tool: fields.tool ?? null,
    args_fp: fields.args !== undefined ? fingerprint(fields.args) : (fields.args_fp ?? null),
    decision: fields.decision,
    code: fields.code ?? null,
    outcome: fields.outcome,
    ms: fields.ms ?? null,
    redactions: fields.redactions ?? {},
    bytes_out: fields.bytes_out ?? null,
  };
  if (fields.detail !== undefined) event.detail = fields.detail;
  return event;
}
