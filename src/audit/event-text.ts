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

// Positions into the per-event array of serialised values (an array indexed by field, not a Map: this runs twice per
// call, and Map operations were most of its cost), and each field's `"name":` prefix, built once.
const LINE_INDEX: readonly number[] = LINE_ORDER.map((_, i) => i);
const CANONICAL_INDEX: readonly number[] = CANONICAL_ORDER.map((field) => LINE_ORDER.indexOf(field));
const KEY_PREFIX: readonly string[] = LINE_ORDER.map((field) => `"${field}":`);

export interface EventText {
  /** What `hash` is computed over: canonicalJson of the event without `hash`. */
  canonical: string;
  /** The line to write, given the hash (no trailing newline). */
  line(hash: string): string;
}

export function eventText(draft: DraftEvent, seq: number, prev: string): EventText {
  const json: (string | undefined)[] = new Array(LINE_ORDER.length);
  for (let i = 0; i < LINE_ORDER.length; i++) {
    const field = LINE_ORDER[i] as Field;
    json[i] = jsonOf(field === "seq" ? seq : field === "prev" ? prev : draft[field]);
  }
  return {
    canonical: joinFields(CANONICAL_INDEX, json, ""),
    line: (hash) => joinFields(LINE_INDEX, json, `,"hash":${JSON.stringify(hash)}`),
  };
}

// A frozen object cannot change, so its canonical JSON is computed once: the gateway's recorder hands every event of a
// session the same frozen principal (gateway/open-audit.ts), serialised twice per call otherwise.
const frozenJson = new WeakMap<object, string>();

function jsonOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (!Object.isFrozen(value)) return canonicalJson(value);
  let json = frozenJson.get(value);
  if (json === undefined) {
    json = canonicalJson(value);
    frozenJson.set(value, json);
  }
  return json;
}

function joinFields(order: readonly number[], json: readonly (string | undefined)[], tail: string): string {
  let out = "";
  for (const i of order) {
    const value = json[i];
    if (value !== undefined) out += `${out === "" ? "{" : ","}${KEY_PREFIX[i]}${value}`;
  }
  return out === "" ? `{${tail.slice(1)}}` : `${out}${tail}}`;
}
