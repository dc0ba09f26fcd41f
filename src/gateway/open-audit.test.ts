// The recorder hands the log one frozen principal per session principal; the events must still carry its current
// fields, and the chain must verify.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createAuditLog } from "../audit/audit-log.ts";
import { verifyAuditLog } from "../audit/verify.ts";
import type { Principal } from "../guards/types.ts";
import { recorderFor } from "./open-audit.ts";

test("every event carries the principal's fields as they are when it is recorded", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "warden-open-audit-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "audit.jsonl");
  // Fake key, for this test's own log.
  const log = createAuditLog({ file, hmacKey: "test-only-key", failClosed: true, environment: "test", sync: false });
  const recorder = recorderFor(log, "up");
  const principal: Principal = { sub: "alice", iss: "https://idp.test", scopes: [] };
  const entry = (p: Principal) => ({
    session: "s-1",
    principal: p,
    method: "tools/call",
    tool: "echo",
    decision: "allow" as const,
    code: null,
    outcome: "ok",
    ms: 1,
    redactions: {},
    bytes_out: 3,
  });
  await recorder.record(entry(principal));
  await recorder.record(entry(principal));
  principal.client_id = "cli";
  principal.sub = "alice2";
  await recorder.record(entry(principal));
  await recorder.record(entry({ sub: "bob", iss: "local", scopes: [] }));
  await recorder.close();
  const principals = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { principal: unknown }).principal);
  assert.deepEqual(principals, [
    { sub: "alice", iss: "https://idp.test", client_id: null },
    { sub: "alice", iss: "https://idp.test", client_id: null },
    { sub: "alice2", iss: "https://idp.test", client_id: "cli" },
    { sub: "bob", iss: "local", client_id: null },
  ]);
  assert.equal((await verifyAuditLog(file)).ok, true);
});
