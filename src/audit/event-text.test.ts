// The hand-assembled event texts must equal the generic forms for every event the log can build: if the canonical
// text ever differed from canonicalJson, `audit verify` would report intact logs as tampered.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { DraftEvent } from "./audit-fields.ts";
import { canonicalJson } from "./canonical.ts";
import { eventHash } from "./chain.ts";
import { eventText } from "./event-text.ts";

const text = fc.string({ unit: "binary", maxLength: 20 });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const REQUIRED = [
  ...["v", "ts", "env", "upstream", "session", "principal", "method", "tool", "args_fp", "decision"],
  ...["code", "outcome", "ms", "redactions", "bytes_out"],
] as const;

const draftArb: fc.Arbitrary<DraftEvent> = fc.record(
  {
    v: fc.constant(1 as const),
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
    detail: fc.dictionary(text, fc.jsonValue()),
  },
  { requiredKeys: [...REQUIRED] },
);

const CONTRACT_KEYS = [
  ...["v", "seq", "ts", "env", "upstream", "session", "principal", "method", "tool", "args_fp", "decision", "code"],
  ...["outcome", "ms", "redactions", "bytes_out"],
];

test("canonical text equals canonicalJson; the line parses back to the same event, hash last", () => {
  fc.assert(
    fc.property(draftArb, fc.nat(), text, (draft, seq, prev) => {
      const event = Object.assign({}, draft, { seq, prev });
      const texts = eventText(draft, seq, prev);
      assert.equal(texts.canonical, canonicalJson(event));
      const hash = eventHash(event);
      const parsed = JSON.parse(texts.line(hash)) as Record<string, unknown>;
      assert.deepEqual(parsed, JSON.parse(JSON.stringify(Object.assign({}, event, { hash }))));
      assert.equal(eventHash(parsed as never), hash);
      const expected = [...CONTRACT_KEYS, ...(draft.detail === undefined ? [] : ["detail"]), "prev", "hash"];
      assert.deepEqual(Object.keys(parsed), expected);
    }),
    { numRuns: 500 },
  );
});

test("a frozen member's JSON is computed once; an unfrozen one is serialised as it is at each event", () => {
  const draft = (principal: DraftEvent["principal"]): DraftEvent => ({
    v: 1,
    ts: "2026-11-24T00:00:00.000Z",
    env: "test",
    upstream: "u",
    session: "s",
    principal,
    method: "tools/call",
    tool: "echo",
    args_fp: null,
    decision: "allow",
    code: null,
    outcome: "ok",
    ms: 1,
    redactions: {},
    bytes_out: 2,
  });
  const open = { sub: "alice", iss: "local", client_id: null };
  const first = eventText(draft(open), 1, "p").canonical;
  open.sub = "mallory";
  const second = eventText(draft(open), 1, "p").canonical;
  assert.notEqual(first, second);
  assert.equal(second, canonicalJson({ ...draft(open), seq: 1, prev: "p" }));
  const frozen = Object.freeze({ sub: "bob", iss: "local", client_id: "c" });
  const a = eventText(draft(frozen), 2, "q").canonical;
  assert.equal(a, eventText(draft(frozen), 2, "q").canonical);
  assert.equal(a, canonicalJson({ ...draft(frozen), seq: 2, prev: "q" }));
});
