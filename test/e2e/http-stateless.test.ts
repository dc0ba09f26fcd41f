// e2e: the official 2026-07-28 client (@modelcontextprotocol/client 2.4, pinned to the stateless revision) → the
// mcp-warden HTTP front → a real server-everything child. The same endpoint serves 2025 sessions (http-front.test.ts).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { mrtrApprove } from "../../src/approvals/mrtr-approver.ts";
import type { Approver } from "../../src/guards/confirm.ts";
import { policySchema } from "../../src/policy/schema.ts";
import { createMemoryStore } from "../../src/store/memory-store.ts";
import { type Harness, POLICY, startHarness } from "./http-harness.ts";

const MODERN = "2026-07-28";

async function connectModern(url: string, token: string, capabilities: Record<string, unknown> = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    authProvider: { token: async () => token },
  });
  const client = new Client(
    { name: "stateless-e2e", version: "1.0.0" },
    { capabilities, versionNegotiation: { mode: { pin: MODERN } } },
  );
  await client.connect(transport);
  return { client, transport };
}

describe("stateless 2026-07-28 clients on the HTTP front", { timeout: 60_000 }, () => {
  let h: Harness;
  before(async () => {
    // `echo` needs MRTR confirmation here, answered by the gateway itself (src/approvals/mrtr-approver.ts).
    const policy = policySchema.parse({ ...POLICY, tools: { ...POLICY.tools, echo: { confirm: "mrtr" } } });
    const mrtr = { key: randomBytes(32), store: createMemoryStore() };
    const approver: Approver = (ctx, mode, timeoutMs) =>
      mode === "mrtr" ? mrtrApprove(ctx, mrtr, timeoutMs) : Promise.resolve(false);
    h = await startHarness({ policy, approver });
  });
  after(async () => {
    await h.front.close();
  });

  test("connects statelessly: discover comes from the gateway, no session, one lane per principal", async () => {
    const { token } = await h.tokens.issue({ sub: "mia" });
    const { client, transport } = await connectModern(h.front.url, token);
    assert.equal(client.getProtocolEra(), "modern");
    const discovered = client.getDiscoverResult();
    assert.ok(discovered?.supportedVersions.includes(MODERN));
    assert.ok(discovered?.capabilities.tools, "the upstream's tools capability");
    assert.equal(discovered?.capabilities.tools?.listChanged, undefined, "no listChanged without subscriptions");
    assert.equal(client.getServerVersion()?.name, "mcp-servers/everything");
    assert.equal(transport.sessionId, undefined);
    assert.equal(h.front.sessionCount, 0);
    await client.listTools();
    assert.equal(h.front.laneCount, 1);
    await client.close();
  });

  test("tools/list is filtered per principal; a scoped tool works with its scope", async () => {
    const alice = await connectModern(h.front.url, (await h.tokens.issue({ sub: "alice" })).token);
    const bob = await connectModern(h.front.url, (await h.tokens.issue({ sub: "bob", scopes: ["math:use"] })).token);
    const names = async (c: Client) => (await c.listTools()).tools.map((t) => t.name).sort();
    assert.deepEqual(await names(alice.client), ["echo", "trigger-long-running-operation"]);
    assert.deepEqual(await names(bob.client), ["echo", "get-sum", "trigger-long-running-operation"]);
    const sum = await bob.client.callTool({ name: "get-sum", arguments: { a: 2, b: 3 } });
    assert.match(JSON.stringify(sum.content), /5/);
    await assert.rejects(alice.client.callTool({ name: "get-sum", arguments: { a: 2, b: 3 } }));
    await alice.client.close();
    await bob.client.close();
  });

  test("progress of a call arrives over its own SSE response", async () => {
    const { client } = await connectModern(h.front.url, (await h.tokens.issue({ sub: "dave" })).token);
    const progress: number[] = [];
    const res = await client.callTool(
      { name: "trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } },
      { onprogress: (p) => progress.push(p.progress) },
    );
    assert.match(JSON.stringify(res.content), /completed/);
    assert.deepEqual(progress, [1, 2, 3]);
    await client.close();
  });

  test("MRTR confirmation: the client's elicitation handler answers input_required and the call goes through", async () => {
    const { client } = await connectModern(h.front.url, (await h.tokens.issue({ sub: "erin" })).token, {
      elicitation: { form: {} },
    });
    const asked: string[] = [];
    client.setRequestHandler("elicitation/create", (request) => {
      asked.push(String((request.params as { message?: unknown }).message));
      return { action: "accept", content: { approve: true } };
    });
    const res = await client.callTool({ name: "echo", arguments: { message: "confirmed hello" } });
    assert.match(JSON.stringify(res.content), /confirmed hello/);
    assert.equal(asked.length, 1, "the user was asked once");
    assert.match(asked[0] ?? "", /echo/);
    await client.close();
  });

  test("MRTR confirmation declined by the user: the call is refused", async () => {
    const { client } = await connectModern(h.front.url, (await h.tokens.issue({ sub: "fred" })).token, {
      elicitation: { form: {} },
    });
    client.setRequestHandler("elicitation/create", () => ({ action: "decline" }));
    await assert.rejects(client.callTool({ name: "echo", arguments: { message: "no" } }), /not confirmed/);
    await client.close();
  });
});
