// The hand-ordered event serialisation must equal the generic canonical JSON for every event the log can build:
// if the two ever differed, `audit verify` would report intact logs as tampered.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { canonicalJson } from "./canonical.ts";
import type { AuditEvent } from "./event.ts";
import { canonicalEventJson } from "./event-json.ts";

const text = fc.string({ unit: "binary", maxLength: 20 });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const eventArb: fc.Arbitrary<Omit<AuditEvent, "hash">> = fc.record(
  {
    v: fc.constant(1 as const),
    seq: fc.nat(),
    ts: text,
    env: text,
    upstream: text,
    session: text,
    principal: fc.record({ sub: nullable(text), iss: nullable(text), client_id: nullable(text) }),
    method: text,
    tool: nullable(text),
    args_fp: nullable(text),
    decision: fc.constantFrom("allow", "deny"),
    code: nullable(text),
    outcome: text,
    ms: nullable(fc.double({ noNaN: true, noDefaultInfinity: true })),
    redactions: fc.dictionary(text, fc.nat()),
    bytes_out: nullable(fc.nat()),
    prev: text,
    detail: fc.dictionary(text, fc.jsonValue()),
  },
  {
    requiredKeys: [
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
      "prev",
    ],
  },
);

test("equals canonicalJson for every event shape, with and without detail", () => {
  fc.assert(
    fc.property(eventArb, (event) => {
      assert.equal(canonicalEventJson(event), canonicalJson(event));
    }),
    { numRuns: 500 },
  );
});

test("leaves out an absent detail exactly as canonicalJson does", () => {
  const event = {
    v: 1 as const,
    seq: 7,
    ts: "2026-11-24T00:00:00.000Z",
    env: "test",
    upstream: "u",
    session: "s",
    principal: { sub: null, iss: null, client_id: null },
    method: "tools/call",
    tool: "echo",
    args_fp: null,
    decision: "allow",
    code: null,
    outcome: "forwarded",
    ms: null,
    redactions: { email: 2 },
    bytes_out: null,
    prev: "0".repeat(64),
    detail: undefined,
  };
  assert.equal(canonicalEventJson(event), canonicalJson(event));
  assert.ok(!canonicalEventJson(event).includes("detail"));
});
