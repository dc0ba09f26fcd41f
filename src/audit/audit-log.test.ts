// Tests for the audit file sink: chain, order under concurrency, resume, permissions, failures, and no secrets.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { OperatorError } from "../errors.ts";
import { type AuditFields, createAuditLog } from "./audit-log.ts";
import { eventHash, GENESIS_HASH } from "./chain.ts";
import type { AuditEvent } from "./event.ts";
import { argsFingerprint } from "./fingerprint.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-audit-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const KEY = "fake-audit-key-EXAMPLE";
const CALL: AuditFields = { method: "tools/call", tool: "echo", decision: "allow", outcome: "ok", upstream: "u" };

function readEvents(file: string): AuditEvent[] {
  return readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as AuditEvent);
}

test("argsFingerprint is an HMAC over canonical JSON", () => {
  const a = argsFingerprint(KEY, { b: 1, a: [1, 2] });
  assert.match(a, /^hmac-sha256:[0-9a-f]{64}$/);
  assert.equal(a, argsFingerprint(KEY, { a: [1, 2], b: 1 }));
  assert.notEqual(a, argsFingerprint("other-FAKE-key", { a: [1, 2], b: 1 }));
});

test("writes the contract's fields, chained from genesis, seq from 1", async () => {
  const file = join(dir, "a", "b", "log.jsonl");
  const log = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "staging" });
  await log.append({ ...CALL, args: { q: 1 }, principal: { sub: "alice", iss: "i", client_id: "c" } });
  await log.append({ ...CALL, decision: "deny", code: "ERR_POLICY_TOOL_NOT_ALLOWED", outcome: "denied" });
  await log.close();
  const [first, second] = readEvents(file);
  assert.ok(first && second);
  assert.deepEqual(Object.keys(first), [
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
    "hash",
  ]);
  assert.equal(first.seq, 1);
  assert.equal(first.env, "staging");
  assert.equal(first.prev, GENESIS_HASH);
  assert.equal(first.args_fp, argsFingerprint(KEY, { q: 1 }));
  assert.equal(first.hash, eventHash(first));
  assert.equal(second.seq, 2);
  assert.equal(second.prev, first.hash);
  assert.equal(second.args_fp, null);
});

test("creates directories 0700 and the file 0600", async () => {
  const file = join(dir, "perm", "log.jsonl");
  const log = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await log.append(CALL);
  await log.close();
  assert.equal(statSync(join(dir, "perm")).mode & 0o777, 0o700);
  assert.equal(statSync(file).mode & 0o777, 0o600);
});

test("concurrent appends keep call order and one unbroken chain (group commit)", async () => {
  const file = join(dir, "concurrent.jsonl");
  const log = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await Promise.all(Array.from({ length: 300 }, (_, i) => log.append({ ...CALL, session: `s${i}` })));
  await log.close();
  const events = readEvents(file);
  assert.equal(events.length, 300);
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    assert.equal(e.session, `s${i}`);
    assert.equal(e.seq, i + 1);
    assert.equal(e.prev, prev);
    prev = e.hash;
  }
});

test("durability write: appends of one tick share a write, in call order, each on file when it resolves", async () => {
  const file = join(dir, "tick.jsonl");
  const log = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev", sync: false });
  await log.ready();
  const appends = Array.from({ length: 50 }, (_, i) => log.append({ ...CALL, session: `t${i}` }));
  await appends[0];
  // The first append of the tick resolved: the whole tick's events are already in the file.
  assert.equal(readEvents(file).length, 50);
  await Promise.all(appends);
  await log.append({ ...CALL, session: "next-tick" });
  await log.close();
  const events = readEvents(file);
  assert.deepEqual(
    events.map((e) => e.session),
    [...Array.from({ length: 50 }, (_, i) => `t${i}`), "next-tick"],
  );
  let prev = GENESIS_HASH;
  for (const e of events) {
    assert.equal(e.prev, prev);
    assert.equal(eventHash(e), e.hash);
    prev = e.hash;
  }
});

test("durability write, disk full (/dev/full): every append of the tick rejects", async (t) => {
  if (!existsSync("/dev/full")) return t.skip("no /dev/full on this system");
  const log = createAuditLog({ file: "/dev/full", hmacKey: KEY, failClosed: true, environment: "dev", sync: false });
  await log.ready();
  const results = await Promise.allSettled([log.append(CALL), log.append(CALL), log.append(CALL)]);
  for (const r of results) {
    assert.equal(r.status, "rejected");
    assert.equal((r.reason as OperatorError).code, "ERR_AUDIT_UNAVAILABLE");
  }
  await log.close();
});

test("resumes the chain from the last line of an existing file", async () => {
  const file = join(dir, "resume.jsonl");
  const one = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await one.append(CALL);
  await one.append(CALL);
  await one.close();
  const two = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await two.append(CALL);
  await two.close();
  const events = readEvents(file);
  assert.equal(events[2]?.seq, 3);
  assert.equal(events[2]?.prev, events[1]?.hash);
});

test("refuses to continue a file whose last line is torn", async () => {
  const file = join(dir, "torn.jsonl");
  const one = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await one.append(CALL);
  await one.close();
  writeFileSync(file, `${readFileSync(file, "utf8")}{"v":1,"se`);
  const two = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await assert.rejects(two.append(CALL), { code: "ERR_AUDIT_UNAVAILABLE", message: /incomplete line/ });
  await two.close();
});

test("a path whose parent is a regular file: append rejects with ERR_AUDIT_UNAVAILABLE", async () => {
  const blocker = join(dir, "not-a-dir");
  writeFileSync(blocker, "x");
  const log = createAuditLog({ file: join(blocker, "log.jsonl"), hmacKey: KEY, failClosed: true, environment: "dev" });
  const err = await log.append(CALL).then(
    () => assert.fail("expected a failure"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof OperatorError);
  assert.equal(err.code, "ERR_AUDIT_UNAVAILABLE");
  await assert.rejects(log.ready(), { code: "ERR_AUDIT_UNAVAILABLE" });
  await log.close();
});

test("disk full (/dev/full): append rejects with ERR_AUDIT_UNAVAILABLE, every queued event too", async (t) => {
  if (!existsSync("/dev/full")) return t.skip("no /dev/full on this system");
  const log = createAuditLog({ file: "/dev/full", hmacKey: KEY, failClosed: true, environment: "dev" });
  const results = await Promise.allSettled([log.append(CALL), log.append(CALL), log.append(CALL)]);
  for (const r of results) {
    assert.equal(r.status, "rejected");
    assert.equal((r.reason as OperatorError).code, "ERR_AUDIT_UNAVAILABLE");
    assert.match((r.reason as Error).message, /ENOSPC/);
  }
  await log.close();
});

test("appends after close reject", async () => {
  const log = createAuditLog({ file: join(dir, "closed.jsonl"), hmacKey: KEY, failClosed: false, environment: "dev" });
  await log.close();
  await assert.rejects(log.append(CALL), { code: "ERR_AUDIT_UNAVAILABLE" });
});

test("a canary secret in the arguments never reaches the audit file", async () => {
  const canary = "CANARY-FAKE-SECRET-7f3a9c";
  const file = join(dir, "canary.jsonl");
  const log = createAuditLog({ file, hmacKey: KEY, failClosed: true, environment: "dev" });
  await log.append({ ...CALL, args: { password: canary, nested: [{ token: canary }] } });
  await log.close();
  const text = readFileSync(file, "utf8");
  assert.ok(!text.includes(canary));
  assert.ok(!text.includes(KEY), "the HMAC key is not written either");
  assert.match(text, /hmac-sha256:[0-9a-f]{64}/);
});
