// The canonical JSON (canonical.ts) of an event the audit log builds itself, written field by field in sorted key
// order. Equal to canonicalJson(event) for every such event (event-json.test.ts); it skips the generic key listing
// and sorting, which the gateway profile showed as a large share of the cost of writing one event. `verify` keeps
// the generic form, because a line read back from a file may carry any fields.
import { canonicalJson } from "./canonical.ts";
import type { AuditEvent } from "./event.ts";

type HashedEvent = Omit<AuditEvent, "hash">;

/** Every field of an event, sorted by UTF-16 code units as canonicalJson sorts them. */
const SORTED_FIELDS: readonly (keyof HashedEvent)[] = [
  "args_fp",
  "bytes_out",
  "code",
  "decision",
  "detail",
  "env",
  "method",
  "ms",
  "outcome",
  "prev",
  "principal",
  "redactions",
  "seq",
  "session",
  "tool",
  "ts",
  "upstream",
  "v",
];

export function canonicalEventJson(event: HashedEvent): string {
  let out = "";
  for (const field of SORTED_FIELDS) {
    const value = event[field];
    if (value === undefined) continue;
    const json = typeof value === "object" && value !== null ? canonicalJson(value) : JSON.stringify(value);
    out += `${out === "" ? "{" : ","}"${field}":${json}`;
  }
  return out === "" ? "{}" : `${out}}`;
}
