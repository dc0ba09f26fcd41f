// End-to-end audit: the gateway writes a verifiable hash chain for real calls, never the argument values, and refuses
// calls it cannot audit when fail_closed is on.
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { verifyAuditLog } from "../../src/audit/verify.ts";
import { McpError } from "../../src/mcp/sdk.ts";
import { connectThroughGateway, EVERYTHING_SERVER } from "../helpers/gateway-client.ts";

// Fake audit key and canary for this test only.
const AUDIT_KEY = "test-only-audit-key-not-a-secret-0123456789";
const CANARY = "CANARY-ghp-argument-7d1c9e";

function policy(auditFile: string): string {
  return `
version: 1
environment: dev
audit: { file: "${auditFile}", hmac_key: "\${env:WARDEN_AUDIT_KEY}", fail_closed: true }
defaults: { confirm: never }
tools:
  echo: {}
  get-env: { allow: false }
`;
}

test("calls leave a verifiable chain with fingerprints, and the canary argument is nowhere", async () => {
  const h = await connectThroughGateway({
    policyYaml: policy("./audit/warden.jsonl"),
    upstream: EVERYTHING_SERVER,
    env: { WARDEN_AUDIT_KEY: AUDIT_KEY, WARDEN_LOG_LEVEL: "debug" },
  });
  await h.client.callTool({ name: "echo", arguments: { message: CANARY } });
  await assert.rejects(h.client.callTool({ name: "get-env", arguments: { token: CANARY } }));
  const file = join(h.dir, "audit/warden.jsonl");
  const stderr = h.stderr();
  await h.close({ keepDir: true });
  const text = readFileSync(file, "utf8");
  assert.ok(!text.includes(CANARY), "the audit file holds no argument value");
  assert.ok(!stderr.includes(CANARY), "the logs hold no argument value");
  const events = text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const calls = events.filter((e) => e.method === "tools/call");
  assert.ok(calls.some((e) => e.tool === "echo" && e.decision === "allow" && e.outcome === "ok"));
  assert.ok(
    calls.some((e) => e.tool === "get-env" && e.decision === "deny" && e.code === "ERR_POLICY_TOOL_NOT_ALLOWED"),
  );
  for (const e of calls) {
    assert.deepEqual(Object.keys(e).slice(0, 17), [
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
    ]);
    assert.match(String(e.args_fp), /^hmac-sha256:[0-9a-f]{64}$/);
    assert.equal(e.env, "dev");
  }
  const verified = await verifyAuditLog(file);
  assert.equal(verified.ok, true);
  assert.equal(verified.ok && verified.lines, events.length);
  rmSync(h.dir, { recursive: true, force: true });
});

test("with fail_closed, a call that cannot be audited is refused with a clear error", async () => {
  const h = await connectThroughGateway({
    policyYaml: policy("/dev/full"),
    upstream: EVERYTHING_SERVER,
    env: { WARDEN_AUDIT_KEY: AUDIT_KEY },
  });
  try {
    await h.client.callTool({ name: "echo", arguments: { message: "hi" } });
    assert.fail("the call went through without an audit record");
  } catch (err) {
    assert.ok(err instanceof McpError);
    assert.deepEqual(err.data, { code: "ERR_AUDIT_UNAVAILABLE" });
    assert.match(err.message, /could not be audited/);
  } finally {
    await h.close().catch(() => undefined);
  }
});
