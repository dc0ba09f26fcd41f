// The response guards in chain order (sanitize → project → redact) on real output of the reference server
// server-everything, called over stdio with the SDK client: its get-env result carries a planted fake secret.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import type { JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { Client, getDefaultEnvironment, StdioClientTransport } from "../mcp/sdk.ts";
import { createGuardChain } from "../policy/chain.ts";
import { project } from "./project.ts";
import { redact } from "./redact.ts";
import { sanitize } from "./sanitize.ts";
import { testContext, testPolicy, testSession } from "./test-context.ts";

const FAKE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE"; // fake: AWS documentation example key id
const FAKE_EMAIL = "fake.operator@example.com"; // fake
const require = createRequire(import.meta.url);
const chain = createGuardChain([sanitize(), project(), redact()]);
let client: InstanceType<typeof Client>;

before(async () => {
  client = new Client({ name: "warden-response-test", version: "0" });
  const script = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
  const env = { ...getDefaultEnvironment(), WARDEN_FAKE_AWS_KEY: FAKE_AWS_KEY, WARDEN_FAKE_OWNER: FAKE_EMAIL };
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [script, "stdio"], env, stderr: "ignore" }),
  );
});
after(() => client?.close());

function response(method: string, result: Record<string, unknown>, tool?: string) {
  return testContext({
    phase: "response",
    session: testSession(),
    policy: testPolicy(),
    message: { jsonrpc: "2.0", id: 1, result: structuredClone(result) } as JsonRpcResponse,
    request: { id: 1, method, params: {}, tool, startedAt: 0 },
  });
}

describe("response guards on a real server's output", { timeout: 60_000 }, () => {
  it("tools/list of server-everything passes unchanged (original bytes forwarded)", async () => {
    const listed = await client.listTools();
    const ctx = response("tools/list", listed as Record<string, unknown>);
    assert.deepEqual(await chain.run(ctx), { ok: true });
    assert.equal(ctx.changed, false);
    assert.equal(ctx.audit.detail, undefined);
  });

  it("get-env: the planted key and address are masked, the rest of the environment is kept", async () => {
    const result = await client.callTool({ name: "get-env", arguments: {} });
    const before = JSON.stringify(result);
    assert.ok(before.includes(FAKE_AWS_KEY), "the server really returned the fake key");
    const ctx = response("tools/call", result as Record<string, unknown>, "get-env");
    assert.deepEqual(await chain.run(ctx), { ok: true });
    assert.equal(ctx.changed, true);
    const after = JSON.stringify((ctx.message as JsonRpcResponse).result);
    assert.ok(!after.includes(FAKE_AWS_KEY) && !after.includes(FAKE_EMAIL));
    assert.ok(after.includes("[REDACTED:aws-access-key-id#1]") && after.includes("[REDACTED:email#1]"));
    assert.ok(after.includes("WARDEN_FAKE_AWS_KEY"), "keys and other values survive");
    assert.equal(ctx.audit.redactions.secrets, 1);
  });

  it("get-sum: a clean result is not rewritten", async () => {
    const result = await client.callTool({ name: "get-sum", arguments: { a: 2, b: 3 } });
    const ctx = response("tools/call", result as Record<string, unknown>, "get-sum");
    assert.deepEqual(await chain.run(ctx), { ok: true });
    assert.equal(ctx.changed, false);
  });
});
