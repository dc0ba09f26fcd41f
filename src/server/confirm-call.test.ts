// Confirmation of write tools through the official SDK Client: elicitation, fail-closed clients, the param fallback.
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { z } from "zod";
import { Client, ElicitRequestSchema, type ElicitResult, InMemoryTransport, McpError } from "../mcp/sdk.ts";
import { createSecureServer } from "./create-secure-server.ts";
import { defineTool } from "./define-tool.ts";
import { memoryAuditSink } from "./toolkit-audit.ts";

let handled: Array<Record<string, unknown>> = [];
beforeEach(() => {
  handled = [];
});

const createTicket = defineTool({
  name: "create_ticket",
  description: "Creates a ticket.",
  input: { title: z.string().max(200), body: z.string().max(2000) },
  handler: (args) => {
    handled.push({ ...args });
    return { ticket_id: handled.length };
  },
});

async function connect(opts: { elicit?: (message: string) => ElicitResult; paramFallback?: boolean }) {
  const audit = memoryAuditSink();
  const server = createSecureServer({
    name: "confirm-test",
    version: "1.0.0",
    tools: [createTicket],
    audit: { sink: audit, hmacKey: "fake-test-key" },
    confirm: { paramFallback: opts.paramFallback === true, timeoutMs: 5000 },
    onError: () => {},
  });
  const capabilities = opts.elicit === undefined ? {} : { elicitation: { form: {} } };
  const client = new Client({ name: "c", version: "1.0.0" }, { capabilities });
  const prompts: string[] = [];
  const answer = opts.elicit;
  if (answer !== undefined) {
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      prompts.push(request.params.message);
      return answer(request.params.message);
    });
  }
  const [ct, st] = InMemoryTransport.createLinkedPair();
  await server.connect(st);
  await client.connect(ct);
  return { client, audit, prompts };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof McpError);
  return (err.data as { code: string }).code;
}

const args = { title: "Printer on fire", body: "Floor 3" };

describe("write tools: elicitation", () => {
  it("runs only after an explicit accept, showing the tool and its exact arguments", async () => {
    const { client, audit, prompts } = await connect({
      elicit: () => ({ action: "accept", content: { approve: true } }),
    });
    const result = await client.callTool({ name: "create_ticket", arguments: args });
    assert.equal(result.isError, undefined);
    assert.deepEqual(handled, [args]);
    assert.equal(prompts.length, 1);
    assert.match(prompts[0] ?? "", /create_ticket/);
    assert.match(prompts[0] ?? "", /Printer on fire/);
    assert.deepEqual(audit.records.at(-1)?.detail, { confirmation: "elicit" });
  });

  for (const [label, answer] of [
    ["decline", { action: "decline" }],
    ["cancel", { action: "cancel" }],
    ["accept without approval", { action: "accept", content: { approve: false } }],
  ] as const) {
    it(`does not run on ${label}`, async () => {
      const { client } = await connect({ elicit: () => answer as ElicitResult });
      assert.equal(
        await codeOf(client.callTool({ name: "create_ticket", arguments: args })),
        "ERR_POLICY_CONFIRMATION_DENIED",
      );
      assert.equal(handled.length, 0);
    });
  }

  it("escapes control characters in the prompt", async () => {
    const { client, prompts } = await connect({ elicit: () => ({ action: "decline" }) });
    await codeOf(client.callTool({ name: "create_ticket", arguments: { title: "a\n\u001b[2Jb", body: "" } }));
    assert.ok(!prompts[0]?.includes("\u001b"));
  });
});

describe("write tools: clients that cannot elicit", () => {
  it("fail closed without the elicitation capability", async () => {
    const { client, audit } = await connect({});
    assert.equal(
      await codeOf(client.callTool({ name: "create_ticket", arguments: args })),
      "ERR_POLICY_CONFIRMATION_REQUIRED",
    );
    assert.equal(handled.length, 0);
    assert.equal(audit.records.at(-1)?.decision, "deny");
  });

  it("do not accept a forged confirm parameter unless the fallback is enabled", async () => {
    const { client } = await connect({});
    const code = await codeOf(client.callTool({ name: "create_ticket", arguments: { ...args, confirm: true } }));
    assert.equal(code, "ERR_POLICY_ARGS_INVALID");
    assert.equal(handled.length, 0);
  });

  it("with the opt-in param fallback: run on confirm: true, audited as weaker, confirm stripped", async () => {
    const { client, audit } = await connect({ paramFallback: true });
    const listed = (await client.listTools()).tools[0];
    assert.equal(listed?.inputSchema.properties?.confirm !== undefined, true);
    assert.equal(
      await codeOf(client.callTool({ name: "create_ticket", arguments: args })),
      "ERR_POLICY_CONFIRMATION_REQUIRED",
    );
    await client.callTool({ name: "create_ticket", arguments: { ...args, confirm: true } });
    assert.deepEqual(handled, [args]);
    assert.deepEqual(audit.records.at(-1)?.detail, { confirmation: "param", confirmation_weaker: true });
  });

  it("with the fallback, a client that can elicit is still asked (the parameter cannot skip the human)", async () => {
    const { client, prompts } = await connect({ paramFallback: true, elicit: () => ({ action: "decline" }) });
    const code = await codeOf(client.callTool({ name: "create_ticket", arguments: { ...args, confirm: true } }));
    assert.equal(code, "ERR_POLICY_CONFIRMATION_DENIED");
    assert.equal(prompts.length, 1);
    assert.equal(handled.length, 0);
  });
});
