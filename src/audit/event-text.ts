// The two texts of an event the audit log writes: the canonical JSON its hash covers (canonical.ts: keys sorted) and
// the line itself (fields in the contract's order, readable, `hash` last). Each field value is serialised once and
// both texts are assembled from the pieces, instead of building two objects and serialising each: the profile of
// bench/gateway.ts showed event building as the largest CPU cost of an audited call after the write itself.
// `verify` keeps the generic canonicalJson, because a line read back from a file may carry any fields.

import type { DraftEvent } from "./audit-fields.ts";
import { canonicalJson } from "./canonical.ts";
import type { AuditEvent } from "./event.ts";

type Field = keyof Omit<AuditEvent, "hash">;

/** The contract's field order (DESIGN.md "Audit event"); `hash` follows. */
const LINE_ORDER: readonly Field[] = [
  "v",
  "seq",
  "ts",
  "env",
  "upstream",
  "session",
  "principal",
  "method",
  "tool",
  "args_fp",
  "decision",
  "code",
  "outcome",
  "ms",
  "redactions",
  "bytes_out",
  "detail",
  "prev",
];

/** Sorted by UTF-16 code units, as canonicalJson sorts keys (all ASCII here, so the default sort is that order). */
const CANONICAL_ORDER: readonly Field[] = [...LINE_ORDER].sort();

export interface EventText {
  /** What `hash` is computed over: canonicalJson of the event without `hash`. */
  canonical: string;
  /** The line to write, given the hash (no trailing newline). */
  line(hash: string): string;
}

export function eventText(draft: DraftEvent, seq: number, prev: string): EventText {
  const json = new Map<Field, string>();
  for (const field of LINE_ORDER) {
    const value = field === "seq" ? seq : field === "prev" ? prev : draft[field];
    if (value === undefined) continue;
    json.set(field, typeof value === "object" && value !== null ? canonicalJson(value) : JSON.stringify(value));
  }
  return {
    canonical: joinFields(CANONICAL_ORDER, json, ""),
    line: (hash) => joinFields(LINE_ORDER, json, `,"hash":${JSON.stringify(hash)}`),
  };
}

function joinFields(order: readonly Field[], json: ReadonlyMap<Field, string>, tail: string): string {
  let out = "";
  for (const field of order) {
    const value = json.get(field);
    if (value !== undefined) out += `${out === "" ? "{" : ","}"${field}":${value}`;
  }
  return out === "" ? `{${tail.slice(1)}}` : `${out}${tail}}`;
}
