// One audit line: serialised in the contract's field order (readable; the hash uses canonical JSON), and parsed back.
import type { AuditEvent } from "./event.ts";

/** The JSON text of one event, fields in DESIGN.md order, `hash` last. */
export function eventLine(event: Omit<AuditEvent, "hash">, hash: string): string {
  const e = event;
  const line: AuditEvent = {
    v: e.v,
    seq: e.seq,
    ts: e.ts,
    env: e.env,
    upstream: e.upstream,
    session: e.session,
    principal: e.principal,
    method: e.method,
    tool: e.tool,
    args_fp: e.args_fp,
    decision: e.decision,
    code: e.code,
    outcome: e.outcome,
    ms: e.ms,
    redactions: e.redactions,
    bytes_out: e.bytes_out,
    ...(e.detail === undefined ? {} : { detail: e.detail }),
    prev: e.prev,
    hash,
  };
  return JSON.stringify(line);
}

/** A line parsed as a JSON object, or undefined when it is not one. Contents are not trusted (verify checks them). */
export function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
