// Toolkit behaviour through the official SDK Client over an in-memory transport (a real client, a real server).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import {
  type AuthInfo,
  Client,
  ElicitRequestSchema,
  type ElicitResult,
  InMemoryTransport,
  McpError,
} from "../mcp/sdk.ts";
import { createSecureServer, type SecureServerOptions } from "./create-secure-server.ts";
import { defineTool } from "./define-tool.ts";
import { memoryAuditSink } from "./toolkit-audit.ts";

// Fake fixture values, not real credentials.
const FAKE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
const writes: Array<Record<string, unknown>> = [];

const lookup = defineTool({
  name: "lookup",
  description: "Looks a user up.",
  input: { email: z.string() },
  scopes: ["users:read"],
  readOnly: true,
  response: { fields: ["id", "status"] },
  handler: ({ email }) => ({ id: 7, status: "active", email, ssn: "078-05-1120" }),
});
const note = defineTool({
  name: "note",
  description: "Returns a note.",
  input: { size: z.number().int().min(0).max(100_000).optional() },
  readOnly: true,
  handler: ({ size }) => ({ text: `contact bob@example.com key ${FAKE_AWS_KEY}`, pad: "x".repeat(size ?? 0) }),
});
const broken = defineTool({
  name: "broken",
  description: "Always fails.",
  input: {},
  readOnly: true,
  handler: () => {
    throw new Error("connection to db.internal:5432 failed for user admin at /srv/app/db.ts:12");
  },
});
const createTicket = defineTool({
  name: "create_ticket",
  description: "Creates a ticket.",
  input: { title: z.string().max(200) },
  scopes: ["tickets:write"],
  handler: (args) => {
    writes.push(args);
    return { id: writes.length };
  },
});

type Answer = (message: string) => ElicitResult;

async function connect(opts: { elicit?: Answer; authInfo?: AuthInfo; server?: Partial<SecureServerOptions> } = {}) {
  const audit = memoryAuditSink();
  const server = createSecureServer({
    name: "toolkit-test",
    version: "1.0.0",
    tools: [lookup, note, broken, createTicket],
    localScopes: ["users:read", "tickets:write"],
    audit: { sink: audit, hmacKey: "fake-test-key", env: "test" },
    onError: () => {},
    ...opts.server,
  });
  const capabilities = opts.elicit === undefined ? {} : { elicitation: { form: {} } };
  const client = new Client({ name: "test-client", version: "1.0.0" }, { capabilities });
  const prompts: string[] = [];
  if (opts.elicit !== undefined) {
    const answer = opts.elicit;
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      prompts.push(request.params.message);
      return answer(request.params.message);
    });
  }
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  if (opts.authInfo !== undefined) {
    const send = clientTransport.send.bind(clientTransport);
    const authInfo = opts.authInfo;
    clientTransport.send = (message, options) => send(message, { ...options, authInfo });
  }
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return { client, server, audit, prompts };
}

async function refusal(promise: Promise<unknown>): Promise<McpError> {
  const err = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof McpError, `expected McpError, got ${String(err)}`);
  return err;
}

function textOf(result: unknown): string {
  const content = (result as { content: Array<{ type: string; text?: string }> }).content;
  return content.map((c) => c.text ?? "").join("");
}

describe("createSecureServer: listing and schemas", () => {
  it("lists strict schemas with bounded strings and read/write annotations", async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    const schema = byName.get("lookup")?.inputSchema as Record<string, unknown>;
    assert.equal(schema.additionalProperties, false);
    assert.equal((schema.properties as Record<string, { maxLength?: number }>).email?.maxLength, 4096);
    assert.equal(byName.get("lookup")?.annotations?.readOnlyHint, true);
    assert.equal(byName.get("create_ticket")?.annotations?.readOnlyHint, false);
    assert.equal(byName.get("create_ticket")?.inputSchema.properties?.confirm, undefined);
  });

  it("hides tools whose scopes the token lacks and refuses calling them", async () => {
    const authInfo: AuthInfo = { token: "fake", clientId: "c1", scopes: ["users:read"] };
    const { client, audit } = await connect({
      authInfo,
      elicit: () => ({ action: "accept", content: { approve: true } }),
    });
    const names = (await client.listTools()).tools.map((t) => t.name);
    assert.ok(names.includes("lookup"));
    assert.ok(!names.includes("create_ticket"));
    const err = await refusal(client.callTool({ name: "create_ticket", arguments: { title: "t" } }));
    assert.equal((err.data as { code: string }).code, "ERR_AUTH_INSUFFICIENT_SCOPE");
    assert.equal(audit.records.at(-1)?.decision, "deny");
    assert.equal(audit.records.at(-1)?.principal.client_id, "c1");
  });
});

describe("createSecureServer: arguments and errors", () => {
  it("answers an unknown tool with the generic not-allowed refusal", async () => {
    const { client } = await connect();
    const err = await refusal(client.callTool({ name: "run_sql", arguments: { sql: "DROP TABLE users" } }));
    assert.equal(err.code, -32602);
    assert.equal((err.data as { code: string }).code, "ERR_POLICY_TOOL_NOT_ALLOWED");
    assert.ok(!err.message.includes("run_sql"));
  });

  for (const [label, args] of [
    ["unknown field", { email: "a@example.com", admin: true }],
    ["oversized string", { email: "a".repeat(5000) }],
    ["wrong type", { email: { $ne: null } }],
    ["too many elements", { email: "a@example.com", extra: Array.from({ length: 2000 }, (_, i) => i) }],
  ] as const) {
    it(`refuses ${label} without echoing the value`, async () => {
      const { client } = await connect();
      const err = await refusal(client.callTool({ name: "lookup", arguments: args }));
      assert.equal((err.data as { code: string }).code, "ERR_POLICY_ARGS_INVALID");
      assert.ok(!err.message.includes("admin") && !err.message.includes("aaaa") && !err.message.includes("$ne"));
    });
  }

  it("sanitises handler failures: generic message and stable code, no internals", async () => {
    const { client, audit } = await connect();
    const result = await client.callTool({ name: "broken", arguments: {} });
    assert.equal(result.isError, true);
    const text = textOf(result);
    assert.match(text, /ERR_TOOL_FAILED/);
    for (const leak of ["db.internal", "admin", "/srv/app", "5432", "at "]) assert.ok(!text.includes(leak), leak);
    assert.equal(audit.records.at(-1)?.outcome, "error");
  });
});

describe("createSecureServer: responses", () => {
  it("projects to the declared fields", async () => {
    const { client, audit } = await connect();
    const result = await client.callTool({ name: "lookup", arguments: { email: "bob@example.com" } });
    assert.deepEqual(result.structuredContent, { id: 7, status: "active" });
    assert.deepEqual(JSON.parse(textOf(result)), { id: 7, status: "active" });
    const end = audit.records.at(-1);
    assert.equal(end?.outcome, "ok");
    assert.match(end?.args_fp ?? "", /^hmac-sha256:[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(audit.records).includes("bob@example.com"));
  });

  it("masks secrets and PII with placeholders", async () => {
    const { client, audit } = await connect();
    const text = textOf(await client.callTool({ name: "note", arguments: {} }));
    assert.ok(!text.includes(FAKE_AWS_KEY) && !text.includes("bob@example.com"));
    assert.match(text, /\[REDACTED:aws-access-key-id#1\]/);
    assert.match(text, /\[REDACTED:email#1\]/);
    assert.deepEqual(audit.records.at(-1)?.redactions, { "aws-access-key-id": 1, email: 1 });
  });

  it("caps oversized results head+tail with a notice", async () => {
    const { client } = await connect({ server: { maxResponseBytes: 2048 } });
    const result = await client.callTool({ name: "note", arguments: { size: 50_000 } });
    const text = textOf(result);
    assert.ok(Buffer.byteLength(text) <= 2048, String(Buffer.byteLength(text)));
    assert.match(text, /response truncated/);
    assert.equal(result.structuredContent, undefined);
    // Between half the cap and the cap: the text stays whole, the duplicate structuredContent goes.
    const mid = await client.callTool({ name: "note", arguments: { size: 1500 } });
    assert.doesNotMatch(textOf(mid), /response truncated/);
    assert.equal(mid.structuredContent, undefined);
  });
});
