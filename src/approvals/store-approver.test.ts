// The store-backed approver against a real (memory) store: a decision lets exactly the bound call through once;
// forged, copied, reused, expired and timed-out approvals refuse (issue 6 prompt-injection cases, unit level).
import assert from "node:assert/strict";
import { test } from "node:test";
import { testContext, testSession } from "../guards/test-context.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import type { WardenStore } from "../store/types.ts";
import { type ApprovalRequest, DECISION_PREFIX } from "./approval-record.ts";
import { createApprovalStore } from "./approval-store.ts";
import { decideApproval } from "./decide-approval.ts";
import { storeApprover } from "./store-approver.ts";

const KEY = "FAKE-approvals-test-key";

function callCtx(args: Record<string, unknown>, sub = "mallory-agent") {
  return testContext({
    session: testSession({ principal: { sub, iss: "local" } }),
    message: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "create_ticket", arguments: args } },
  });
}

/** Starts a call and resolves with its pending request once written, plus the call's outcome. */
function startCall(store: WardenStore, args: Record<string, unknown>, timeoutMs = 5000, sub?: string) {
  let onPending: (r: ApprovalRequest) => void = () => undefined;
  const pending = new Promise<ApprovalRequest>((r) => {
    onPending = r;
  });
  const ctx = callCtx(args, sub);
  const approver = storeApprover({ store: async () => store, hmacKey: KEY, minPollMs: 5, maxPollMs: 20, onPending });
  const outcome = approver(ctx, "console", timeoutMs);
  return { pending, outcome, ctx };
}

/** The approval detail the approver wrote into the call's audit draft. */
function approvalDetail(ctx: { audit: { detail?: Record<string, unknown> } }): Record<string, unknown> {
  const detail = ctx.audit.detail?.approval;
  assert.ok(detail && typeof detail === "object", "approval detail recorded");
  return detail as Record<string, unknown>;
}

const decide = (store: WardenStore, id: string, approve: boolean, by = "alice", selfApproval = false) =>
  decideApproval(createApprovalStore(store), { id, approve, by, selfApproval });

test("an approval lets exactly the waiting call through, and the audit detail names the approver", async () => {
  const store = createMemoryStore();
  const call = startCall(store, { title: "printer on fire" });
  const req = await call.pending;
  assert.equal(req.tool, "create_ticket");
  assert.deepEqual(req.principal, { iss: "local", sub: "mallory-agent" });
  assert.ok((await decide(store, req.id, true)).ok);
  assert.equal(await call.outcome, true);
  const detail = approvalDetail(call.ctx);
  assert.equal(detail.decision, "approved");
  assert.equal(detail.by, "alice");
  assert.equal(await store.get(DECISION_PREFIX + req.id), undefined, "the decision was consumed (single use)");
});

test("deny refuses; deciding twice or after another approver is refused", async () => {
  const store = createMemoryStore();
  const call = startCall(store, { title: "x" });
  const req = await call.pending;
  const [a, b] = await Promise.all([decide(store, req.id, false), decide(store, req.id, true, "bob")]);
  assert.equal([a, b].filter((o) => o.ok).length, 1, "of two racing approvers exactly one decides");
  const winner = a.ok ? a : b;
  assert.equal(await call.outcome, winner.ok && winner.decision.decision === "approved");
});

test("self-approval is refused unless the policy allows it", async () => {
  const store = createMemoryStore();
  const call = startCall(store, { title: "x" });
  const req = await call.pending;
  const self = await decide(store, req.id, true, "mallory-agent");
  assert.equal(self.ok ? "ok" : self.reason, "self-approval");
  assert.ok((await decide(store, req.id, true, "mallory-agent", true)).ok);
  assert.equal(await call.outcome, true);
});

test("a decision copied from another call (other arguments or other caller) is refused", async () => {
  const store = createMemoryStore();
  const first = startCall(store, { title: "harmless" });
  const r1 = await first.pending;
  const d1 = await decide(store, r1.id, true);
  assert.ok(d1.ok);
  await first.outcome;
  for (const [args, sub] of [
    [{ title: "drop all tables" }, "mallory-agent"],
    [{ title: "harmless" }, "someone-else"],
  ] as const) {
    const second = startCall(store, args, 5000, sub);
    const r2 = await second.pending;
    await store.set(DECISION_PREFIX + r2.id, JSON.stringify({ ...d1.decision, id: r2.id }));
    assert.equal(await second.outcome, false);
    assert.equal(approvalDetail(second.ctx).decision, "invalid");
  }
});

test("an approval reused for a second identical call is refused: each call has its own request", async () => {
  const store = createMemoryStore();
  const first = startCall(store, { title: "same" });
  const r1 = await first.pending;
  const d1 = await decide(store, r1.id, true);
  assert.ok(d1.ok);
  assert.equal(await first.outcome, true);
  const second = startCall(store, { title: "same" }, 300);
  const r2 = await second.pending;
  assert.notEqual(r2.id, r1.id);
  assert.equal(r2.args_fp, r1.args_fp);
  // Replaying the consumed decision under its own id does not touch the new request.
  await store.set(DECISION_PREFIX + r1.id, JSON.stringify(d1.decision));
  assert.equal(await second.outcome, false);
});

test("an expired approval is refused, and a timed-out request is withdrawn", async () => {
  const store = createMemoryStore();
  const call = startCall(store, { title: "x" }, 5000);
  const req = await call.pending;
  await store.set(
    DECISION_PREFIX + req.id,
    JSON.stringify({ ...req, decision: "approved", by: "alice", decided: Date.now(), expires: Date.now() - 1 }),
  );
  assert.equal(await call.outcome, false, "expiry is part of the binding and must be in the future");
  const late = startCall(store, { title: "y" }, 150);
  const r2 = await late.pending;
  assert.equal(await late.outcome, false);
  assert.equal(approvalDetail(late.ctx).decision, "timeout");
  assert.equal((await decide(store, r2.id, true)).ok, false, "nobody can approve a withdrawn request");
});

test("mrtr is not an out-of-band mode: the store approver refuses it", async () => {
  const approver = storeApprover({ store: async () => createMemoryStore(), hmacKey: KEY });
  assert.equal(await approver(callCtx({}), "mrtr", 1000), false);
});

test("malformed or unknown ids are refused without touching the store", async () => {
  const store = createMemoryStore();
  for (const id of ["", "../../etc/passwd", "a b", "x".repeat(200)]) {
    const outcome = await decide(store, id, true);
    assert.equal(outcome.ok ? "ok" : outcome.reason, "not-found");
  }
});

test("shutting the gateway down ends a waiting call at once (refused) and withdraws its request", async () => {
  const store = createMemoryStore();
  const shutdown = new AbortController();
  const ctx = callCtx({ title: "x" });
  let id = "";
  const approver = storeApprover({
    store: async () => store,
    hmacKey: KEY,
    signal: shutdown.signal,
    onPending: (r) => (id = r.id),
  });
  const started = Date.now();
  const outcome = approver(ctx, "console", 60_000);
  while (!id) await new Promise((r) => setTimeout(r, 5));
  shutdown.abort();
  assert.equal(await outcome, false);
  assert.ok(Date.now() - started < 2000);
  assert.equal(approvalDetail(ctx).decision, "aborted");
  assert.equal(await createApprovalStore(store).getPending(id), undefined);
});
