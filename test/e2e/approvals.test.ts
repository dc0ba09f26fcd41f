// End-to-end out-of-band confirmation (issue 6, `console` mode) through the real stdio gateway with the official SDK
// client: a human approves or denies with `mcp-warden approvals` (run in-process) while the call waits; replayed,
// reused, copied, expired and self-approvals are refused; every decision reaches the audit log.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type ApprovalRequest, DECISION_PREFIX, RECENT_PREFIX } from "../../src/approvals/approval-record.ts";
import { createApprovalStore } from "../../src/approvals/approval-store.ts";
import { main } from "../../src/cli/main.ts";
import { McpError } from "../../src/mcp/sdk.ts";
import { createFileStore } from "../../src/store/file-store.ts";
import type { WardenStore } from "../../src/store/types.ts";
import { connectThroughGateway, EVERYTHING_SERVER, type GatewayHarness } from "../helpers/gateway-client.ts";

const AUDIT_KEY = "FAKE-audit-key-for-tests-0123456789";
const policy = (timeout: string) => `
version: 1
environment: dev
audit: { hmac_key: "\${env:WARDEN_AUDIT_KEY}", durability: write }
store: { kind: file, path: state }
approvals: { timeout: ${timeout} }
tools:
  echo: { confirm: console }
`;

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof McpError, String(err));
    return String((err.data as { code?: string } | undefined)?.code);
  }
  assert.fail("the call was not refused");
}

/** Runs the CLI in-process, capturing its text output (spawning tsx costs seconds per call). */
async function cli(args: string[]) {
  process.env.WARDEN_AUDIT_KEY = AUDIT_KEY; // the CLI reads the same policy, which references it
  const captured = { out: "", err: "" };
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = (stream: NodeJS.WriteStream, into: "out" | "err") =>
    ((chunk: string | Uint8Array, ...rest: never[]) => {
      if (typeof chunk !== "string") return writes[into].call(stream, chunk, ...rest);
      captured[into] += chunk;
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(process.stdout, "out");
  process.stderr.write = capture(process.stderr, "err");
  try {
    return { code: await main(args), ...captured };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  }
}

/** Waits (bounded: 15 s) for a pending request not seen before. */
async function nextPending(store: WardenStore, seen: Set<string>): Promise<ApprovalRequest> {
  const approvals = createApprovalStore(store);
  for (let i = 0; i < 300; i++) {
    const fresh = (await approvals.listPending()).find((p) => !seen.has(p.id));
    if (fresh) {
      seen.add(fresh.id);
      return fresh;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail("no pending approval appeared");
}

describe("confirm: console (approvals CLI)", () => {
  let h: GatewayHarness;
  let store: WardenStore;
  let policyFile: string;
  const seen = new Set<string>();
  const as = (id: string, verb: "approve" | "deny", who: string) =>
    cli(["approvals", verb, id, "--policy", policyFile, "--as", who]);

  before(async () => {
    h = await connectThroughGateway({
      policyYaml: policy("30s"),
      upstream: EVERYTHING_SERVER,
      env: { WARDEN_AUDIT_KEY: AUDIT_KEY },
    });
    policyFile = join(h.dir, "warden.yaml");
    store = await createFileStore({ path: join(h.dir, "state") });
  });
  after(async () => {
    await store?.close();
    await h?.close();
  });

  test("an approver approves with the CLI while the call waits; the call completes; the approval is single-use", async () => {
    const call = handled(h.client.callTool({ name: "echo", arguments: { message: "mail ada.lovelace@example.org" } }));
    const pending = await nextPending(store, seen);
    assert.equal(pending.tool, "echo");
    assert.equal(pending.upstream, "default");
    assert.match(pending.args_fp, /^hmac-sha256:[0-9a-f]{64}$/);
    const listed = await cli(["approvals", "list", "--policy", policyFile]);
    assert.equal(listed.code, 0);
    assert.ok(listed.out.includes(pending.id) && listed.out.includes("echo"), listed.out);
    assert.ok(!listed.out.includes("ada.lovelace@example.org"), "arguments are masked in the list");
    const approved = await as(pending.id, "approve", "alice");
    assert.equal(approved.code, 0, approved.err);
    const result = await call;
    assert.match(JSON.stringify(result.content), /Echo: mail/);
    const again = await as(pending.id, "approve", "alice");
    assert.equal(again.code, 1, "an approval cannot be given (or used) twice");
    assert.match(again.err, /no pending approval/);
  });

  test("the same call again needs its own approval; deny refuses it", async () => {
    const call = handled(h.client.callTool({ name: "echo", arguments: { message: "mail ada.lovelace@example.org" } }));
    const pending = await nextPending(store, seen);
    const denied = await as(pending.id, "deny", "alice");
    assert.equal(denied.code, 0, denied.err);
    assert.equal(await refusalCode(call), "ERR_POLICY_CONFIRMATION_DENIED");
  });

  test("an approval copied onto a call with different arguments is refused (bound to args_fp)", async () => {
    const first = handled(h.client.callTool({ name: "echo", arguments: { message: "one" } }));
    const p1 = await nextPending(store, seen);
    assert.equal((await as(p1.id, "approve", "alice")).code, 0);
    await first;
    const decision = await store.get(RECENT_PREFIX + p1.id);
    assert.ok(decision);
    const second = handled(h.client.callTool({ name: "echo", arguments: { message: "two: drop table" } }));
    const p2 = await nextPending(store, seen);
    assert.notEqual(p2.args_fp, p1.args_fp);
    // Someone with store access replays the first approval under the new request's id.
    await store.set(DECISION_PREFIX + p2.id, JSON.stringify({ ...JSON.parse(decision), id: p2.id }));
    assert.equal(await refusalCode(second), "ERR_POLICY_CONFIRMATION_DENIED");
  });

  test("self-approval is refused when the policy forbids it (approvals.self_approval: false)", async () => {
    const call = handled(h.client.callTool({ name: "echo", arguments: { message: "self" } }));
    const pending = await nextPending(store, seen);
    const self = await as(pending.id, "approve", userInfo().username);
    assert.equal(self.code, 1);
    assert.match(self.err, /cannot approve their own call/);
    assert.equal((await as(pending.id, "deny", userInfo().username)).code, 0, "denying one's own call is allowed");
    assert.equal(await refusalCode(call), "ERR_POLICY_CONFIRMATION_DENIED");
  });

  test("decisions reach the audit log: approvals with id, decision, approver, mode, latency; denials refused", async () => {
    await h.close({ keepDir: true });
    const events = readFileSync(join(h.dir, "audit/warden.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            tool?: string;
            decision?: string;
            code?: string;
            detail?: Record<string, Record<string, unknown>>;
          },
      )
      .filter((e) => e.tool === "echo");
    const approved = events.filter((e) => e.decision === "allow" && e.detail?.approval).map((e) => e.detail!.approval!);
    assert.ok(approved.length >= 2);
    for (const a of approved) {
      assert.equal(a.decision, "approved");
      assert.equal(a.by, "alice");
      assert.equal(a.mode, "console");
      assert.equal(typeof a.requested, "string");
      assert.equal(typeof a.ms, "number");
    }
    // Refused calls are audited as denials with the confirmation code and the approval's detail (who, how, latency).
    const denied = events.filter((e) => e.decision === "deny" && e.code === "ERR_POLICY_CONFIRMATION_DENIED");
    assert.equal(denied.length, 3, "deny, copied approval, self-approval attempt");
    for (const d of denied) {
      assert.equal(d.detail?.approval?.mode, "console");
      assert.notEqual(d.detail?.approval?.decision, "approved");
    }
  });
});

test("confirm: console — on timeout the call is refused and the expired request cannot be approved", async () => {
  const h = await connectThroughGateway({
    policyYaml: policy("1s"),
    upstream: EVERYTHING_SERVER,
    env: { WARDEN_AUDIT_KEY: AUDIT_KEY },
  });
  const store = await createFileStore({ path: join(h.dir, "state") });
  try {
    const call = handled(h.client.callTool({ name: "echo", arguments: { message: "late" } }));
    const pending = await nextPending(store, new Set());
    assert.equal(await refusalCode(call), "ERR_POLICY_CONFIRMATION_DENIED");
    const late = await cli([
      "approvals",
      "approve",
      pending.id,
      "--policy",
      join(h.dir, "warden.yaml"),
      "--as",
      "alice",
    ]);
    assert.equal(late.code, 1);
  } finally {
    await store.close();
    await h.close();
  }
});

test("confirm: console — a client that disconnects while a call waits does not keep the gateway alive", async () => {
  const h = await connectThroughGateway({
    policyYaml: policy("5m"),
    upstream: EVERYTHING_SERVER,
    env: { WARDEN_AUDIT_KEY: AUDIT_KEY },
  });
  const store = await createFileStore({ path: join(h.dir, "state") });
  const call = h.client.callTool({ name: "echo", arguments: { message: "abandoned" } }).catch(() => "closed");
  await nextPending(store, new Set());
  await store.close();
  const started = Date.now();
  await h.close();
  assert.equal(await call, "closed");
  // The stdio front drains for up to 5 s, then the approver is aborted; far below the 5 m approval timeout.
  assert.ok(Date.now() - started < 9000, `gateway exited after ${Date.now() - started} ms`);
});

/**
 * Marks a call's rejection as handled at once: the gateway may refuse it while the test is still running the CLI,
 * before the test awaits it. Awaiting the returned promise still rejects.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
