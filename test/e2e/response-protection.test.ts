// End-to-end: the official SDK Client → `mcp-warden gateway` (stdio) → leaky-server (our fixture upstream). Poisoned
// tools are quarantined, results are projected and masked, masked values cannot be written back.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { McpError } from "../../src/mcp/sdk.ts";
import { connectThroughGateway, type GatewayHarness } from "../helpers/gateway-client.ts";

const LEAKY_SERVER = [process.execPath, "--import", "tsx", "test/fixtures/servers/leaky-server.ts"];
const FAKE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE"; // fake: AWS documentation example
const FAKE_EMAIL = "fake.user@example.com"; // fake
const AUDIT_KEY = "test-only-audit-key-not-a-secret-0123456789"; // fake, this test only

const POLICY = `
version: 1
environment: dev
audit: { file: "./audit/warden.jsonl", hmac_key: "\${env:WARDEN_AUDIT_KEY}" }
defaults: { confirm: never }
tools:
  add: {}
  shout: {}
  lookup_user: { response: { fields: [id, email] } }
  whoami: {}
  status_text: { response: { fields: [id] } }
  store_note: {}
`;

async function refusal(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof McpError, `expected an McpError, got ${String(err)}`);
    return err;
  }
  assert.fail("the call was not refused");
}

describe("response protection through the gateway", { timeout: 120_000 }, () => {
  let h: GatewayHarness;
  before(async () => {
    h = await connectThroughGateway({
      policyYaml: POLICY,
      upstream: LEAKY_SERVER,
      env: { WARDEN_AUDIT_KEY: AUDIT_KEY },
    });
  });
  after(() => h.close());

  test("poisoned and invisible-text tools are quarantined: hidden and refused like unknown tools", async () => {
    const names = (await h.client.listTools()).tools.map((t) => t.name).sort();
    assert.deepEqual(names, ["lookup_user", "status_text", "store_note", "whoami"]);
    for (const name of ["add", "shout"]) {
      const err = await refusal(h.client.callTool({ name, arguments: { a: 1, b: 2, text: "x" } }));
      assert.equal(err.code, -32602);
      assert.deepEqual(err.data, { code: "ERR_POLICY_TOOL_NOT_ALLOWED" });
    }
  });

  test("projection keeps only the listed fields, then redaction masks them (structured and text)", async () => {
    const result = await h.client.callTool({ name: "lookup_user", arguments: { id: 7 } });
    assert.deepEqual(result.structuredContent, { id: 7, email: "[REDACTED:email#1]" });
    assert.deepEqual(result.content, [{ type: "text", text: '{"id":7,"email":"[REDACTED:email#1]"}' }]);
  });

  test("secrets and PII in text are masked with stable placeholders", async () => {
    const first = await h.client.callTool({ name: "whoami", arguments: {} });
    const second = await h.client.callTool({ name: "whoami", arguments: {} });
    const expected = [{ type: "text", text: "deployed with key [REDACTED:aws-access-key-id#1] by [REDACTED:email#1]" }];
    assert.deepEqual(first.content, expected);
    assert.deepEqual(second.content, expected);
    assert.ok(!JSON.stringify(first).includes(FAKE_AWS_KEY));
  });

  test("a masked value cannot be written back", async () => {
    const err = await refusal(
      h.client.callTool({ name: "store_note", arguments: { note: "key [REDACTED:aws-access-key-id#1]" } }),
    );
    assert.deepEqual(err.data, { code: "ERR_POLICY_ARGS_PLACEHOLDER" });
    const ok = await h.client.callTool({ name: "store_note", arguments: { note: "hello" } });
    assert.deepEqual(ok.content, [{ type: "text", text: "stored 5 characters" }]);
  });

  test("a non-JSON result of a projected tool is refused", async () => {
    const err = await refusal(h.client.callTool({ name: "status_text", arguments: {} }));
    assert.deepEqual(err.data, { code: "ERR_POLICY_RESPONSE_NOT_JSON" });
  });

  test("prompts/get and resources/read are masked too", async () => {
    const prompt = await h.client.getPrompt({ name: "onboarding" });
    assert.deepEqual(prompt.messages[0]?.content, { type: "text", text: "Your contact is [REDACTED:email#1]." });
    const resource = await h.client.readResource({ uri: "config://app" });
    assert.equal((resource.contents[0] as { text: string }).text, "aws_access_key_id = [REDACTED:aws-access-key-id#1]");
    assert.ok(!JSON.stringify(resource).includes(FAKE_EMAIL));
  });

  test("the audit log counts redactions per category and holds no masked value (runs last)", async () => {
    await h.close({ keepDir: true });
    const text = readFileSync(join(h.dir, "audit/warden.jsonl"), "utf8");
    assert.ok(!text.includes(FAKE_AWS_KEY) && !text.includes(FAKE_EMAIL));
    const events = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { tool?: string; outcome?: string; redactions?: unknown; detail?: unknown });
    const whoami = events.filter((e) => e.tool === "whoami");
    const ends = whoami.filter((e) => e.outcome === "ok");
    assert.equal(ends.length, 2);
    for (const e of ends) {
      assert.deepEqual(e.redactions, { secrets: 1, pii: 1 });
      assert.deepEqual(e.detail, { redactions_by_detector: { "aws-access-key-id": 1, email: 1 } });
    }
  });
});
