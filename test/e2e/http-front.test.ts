// e2e: the official SDK Client over Streamable HTTP → mcp-warden HTTP front → real server-everything (stdio child).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, ElicitRequestSchema, StreamableHTTPClientTransport } from "../../src/mcp/sdk.ts";
import { type Harness, initializeBody, JSON_HEADERS, raw, startHarness } from "./http-harness.ts";

async function connect(
  url: string,
  token: string,
  capabilities: Record<string, unknown> = {},
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "http-e2e", version: "1.0.0" }, { capabilities });
  if (capabilities.elicitation) client.setRequestHandler(ElicitRequestSchema, () => ({ action: "decline" }));
  await client.connect(transport);
  return { client, transport };
}

describe("HTTP front with the SDK client", { timeout: 60_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.front.close();
  });

  test("an allowed tool works; tools/list is filtered by scope", async () => {
    const { token } = await h.tokens.issue({ sub: "alice" });
    const { client, transport } = await connect(h.front.url, token);
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    assert.deepEqual(names, ["echo", "trigger-long-running-operation"]);
    const res = await client.callTool({ name: "echo", arguments: { message: "hi" } });
    assert.match(JSON.stringify(res.content), /hi/);
    assert.ok(transport.sessionId && transport.sessionId.length >= 40, "random session id");
    await transport.terminateSession();
    await client.close();
  });

  test("a principal with the scope may call the scoped tool; sessions have their own upstream", async () => {
    const { token } = await h.tokens.issue({ sub: "bob", scopes: ["math:use"] });
    const a = await connect(h.front.url, token);
    const b = await connect(h.front.url, token);
    assert.notEqual(a.transport.sessionId, b.transport.sessionId);
    assert.ok(h.front.sessionCount >= 2);
    const names = (await a.client.listTools()).tools.map((t) => t.name).sort();
    assert.deepEqual(names, ["echo", "get-sum", "trigger-long-running-operation"]);
    const res = await b.client.callTool({ name: "get-sum", arguments: { a: 2, b: 3 } });
    assert.match(JSON.stringify(res.content), /5/);
    const before = h.front.sessionCount;
    await a.transport.terminateSession();
    assert.equal(h.front.sessionCount, before - 1, "DELETE ends the session");
    await a.client.close();
    await b.client.close();
  });

  test("progress notifications during a call arrive over SSE before the answer", async () => {
    const { token } = await h.tokens.issue({ sub: "dave" });
    const { client } = await connect(h.front.url, token);
    const progress: number[] = [];
    const res = await client.callTool(
      { name: "trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } },
      undefined,
      { onprogress: (p) => progress.push(p.progress) },
    );
    assert.match(JSON.stringify(res.content), /completed/);
    assert.deepEqual(progress, [1, 2, 3]);
    await client.close();
  });

  test("a server request (elicitation) reaches the client mid-call and its answer goes back", async () => {
    const { token } = await h.tokens.issue({ sub: "erin" });
    const { client } = await connect(h.front.url, token, { elicitation: {} });
    // server-everything registers this tool once it has seen the client's elicitation capability
    assert.ok((await client.listTools()).tools.some((t) => t.name === "trigger-elicitation-request"));
    const res = await client.callTool({ name: "trigger-elicitation-request", arguments: {} });
    assert.match(JSON.stringify(res.content), /decline/i);
    await client.close();
  });

  test("a missing scope gets 403 insufficient_scope naming the scope", async () => {
    const { token } = await h.tokens.issue({ sub: "carol" });
    const auth = { ...JSON_HEADERS, authorization: `Bearer ${token}`, "mcp-protocol-version": "2025-06-18" };
    const init = await raw(h.front.url, { headers: auth, body: initializeBody() });
    assert.equal(init.status, 200, init.body);
    const sid = init.headers["mcp-session-id"] as string;
    const withSid = { ...auth, "mcp-session-id": sid };
    const note = await raw(h.front.url, {
      headers: withSid,
      body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
    });
    assert.equal(note.status, 202);
    const call = await raw(h.front.url, {
      headers: withSid,
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "get-sum", arguments: { a: 1, b: 2 } },
      }),
    });
    assert.equal(call.status, 403, call.body);
    const challenge = String(call.headers["www-authenticate"]);
    assert.match(challenge, /^Bearer /);
    assert.match(challenge, /error="insufficient_scope"/);
    assert.match(challenge, /scope="math:use"/);
    assert.equal(JSON.parse(call.body).error.data.code, "ERR_AUTH_INSUFFICIENT_SCOPE");
  });

  test("the endpoint answers with a query string too; look-alike paths get 404 and start nothing", async () => {
    const { token } = await h.tokens.issue({ sub: "router" });
    const headers = { ...JSON_HEADERS, authorization: `Bearer ${token}` };
    const before = h.front.sessionCount;
    for (const path of ["/mcpx", "/mcp/", "/MCP", "/mcp%3F", "/other/../mcpx"]) {
      const res = await raw(new URL(path, h.front.url).href, { headers, body: initializeBody() });
      assert.equal(res.status, 404, path);
    }
    assert.equal(h.front.sessionCount, before);
    const withQuery = await raw(`${h.front.url}?probe=1`, { headers, body: initializeBody() });
    assert.equal(withQuery.status, 200, withQuery.body);
    assert.ok(withQuery.headers["mcp-session-id"]);
    assert.equal(h.front.sessionCount, before + 1);
  });

  test("a session id replayed by another principal, or with no token, is refused", async () => {
    const alice = await h.tokens.issue({ sub: "alice2" });
    const mallory = await h.tokens.issue({ sub: "mallory" });
    const { client, transport } = await connect(h.front.url, alice.token);
    const sid = transport.sessionId as string;
    const body = JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list" });
    const stolen = await raw(h.front.url, {
      headers: { ...JSON_HEADERS, authorization: `Bearer ${mallory.token}`, "mcp-session-id": sid },
      body,
    });
    assert.equal(stolen.status, 404);
    const anonymous = await raw(h.front.url, { headers: { ...JSON_HEADERS, "mcp-session-id": sid }, body });
    assert.equal(anonymous.status, 401);
    assert.match(
      String(anonymous.headers["www-authenticate"]),
      /resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp"/,
    );
    await client.close();
  });

  test("protected resource metadata is served at the path-inserted and root forms", async () => {
    const base = new URL(h.front.url);
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
      const res = await raw(new URL(path, base).href, { method: "GET", headers: {} });
      assert.equal(res.status, 200, path);
      assert.deepEqual(JSON.parse(res.body).bearer_methods_supported, ["header"]);
    }
  });
});
