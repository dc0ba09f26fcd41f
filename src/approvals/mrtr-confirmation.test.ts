// MRTR confirmation: an accepted retry with an authentic state passes once; forged, altered, re-bound, expired and
// replayed states, and declined answers, are refused (issue 6 prompt-injection cases).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createMemoryStore } from "../store/memory-store.ts";
import { checkRetry, inputRequiredResult, MRTR_INPUT_KEY, type MrtrCall } from "./mrtr-confirmation.ts";
import { sealState } from "./mrtr-state.ts";

const KEY = "FAKE-mrtr-test-key-0123456789";
const call: MrtrCall = {
  principal: { iss: "local", sub: "bob" },
  upstream: "db",
  tool: "create_ticket",
  args: { title: "x" },
};
const accept = { [MRTR_INPUT_KEY]: { action: "accept", content: { approve: true } } };

function setup(now = () => Date.now()) {
  const deps = { key: KEY, store: createMemoryStore(), now };
  const first = inputRequiredResult(deps, call, 60_000);
  return { deps, state: first.requestState as string, first };
}

test("the first answer is input_required with an elicitation and a sealed state; an accepted retry passes once", async () => {
  const { deps, state, first } = setup();
  assert.equal(first.resultType, "input_required");
  assert.match(JSON.stringify(first.inputRequests), /elicitation\/create/);
  assert.ok(!state.includes("title"), "the state carries no argument values");
  assert.deepEqual(await checkRetry(deps, call, { requestState: state, inputResponses: accept }), { approved: true });
  assert.deepEqual(await checkRetry(deps, call, { requestState: state, inputResponses: accept }), {
    approved: false,
    reason: "replayed",
  });
});

test("a declined or missing answer refuses, and burns the state", async () => {
  const { deps, state } = setup();
  const declined = { [MRTR_INPUT_KEY]: { action: "decline" } };
  assert.equal((await checkRetry(deps, call, { requestState: state, inputResponses: declined })).approved, false);
  assert.equal((await checkRetry(deps, call, { requestState: state, inputResponses: accept })).approved, false);
  const other = setup();
  assert.equal((await checkRetry(other.deps, call, { requestState: other.state })).approved, false);
});

test("a forged or altered state is refused", async () => {
  const { deps, state } = setup();
  const [v, payload = "", tag = ""] = state.split(".");
  const altered = JSON.parse(Buffer.from(payload, "base64url").toString());
  altered.args_fp = "hmac-sha256:00";
  const reencoded = `${v}.${Buffer.from(JSON.stringify(altered)).toString("base64url")}.${tag}`;
  const forged = sealState("attacker-guess-FAKE", {
    principal: call.principal,
    tool: call.tool,
    upstream: call.upstream,
    args_fp: "x",
    expires: Date.now() + 1e6,
  });
  for (const s of [reencoded, forged, `${state}x`, "", 42, undefined, "wmrtr1..", "a".repeat(5000)]) {
    const outcome = await checkRetry(deps, call, { requestState: s, inputResponses: accept });
    assert.equal(outcome.approved, false, String(s).slice(0, 40));
  }
});

test("a state is bound to the caller, tool, server and exact arguments", async () => {
  const { deps, state } = setup();
  for (const other of [
    { ...call, args: { title: "drop table" } },
    { ...call, tool: "delete_ticket" },
    { ...call, upstream: "prod-db" },
    { ...call, principal: { iss: "local", sub: "mallory" } },
  ]) {
    assert.deepEqual(await checkRetry(deps, other, { requestState: state, inputResponses: accept }), {
      approved: false,
      reason: "mismatch",
    });
  }
});

test("an expired state is refused", async () => {
  let t = 1_000_000;
  const { deps, state } = setup(() => t);
  t += 60_001;
  assert.deepEqual(await checkRetry(deps, call, { requestState: state, inputResponses: accept }), {
    approved: false,
    reason: "expired",
  });
});
