// e2e: SDK client → HTTP front → REMOTE Streamable HTTP upstream (the SDK's own server transport, in-process).
// The upstream receives the policy's credential, never the client's token.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import {
  CallToolRequestSchema,
  Client,
  ListToolsRequestSchema,
  Server,
  StreamableHTTPClientTransport,
  StreamableHTTPServerTransport,
} from "../../src/mcp/sdk.ts";
import { upstreamSchema } from "../../src/policy/schema.ts";
import { type Harness, JSON_HEADERS, raw, startHarness } from "./http-harness.ts";

const UPSTREAM_CREDENTIAL = "Bearer upstream-FAKE-credential";

function mcpServer(): Server {
  const server = new Server({ name: "remote", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [{ name: "echo", inputSchema: { type: "object", properties: { message: { type: "string" } } } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, (req) => ({
    content: [{ type: "text", text: `remote: ${String(req.params.arguments?.message)}` }],
  }));
  return server;
}

describe("HTTP front with a remote Streamable HTTP upstream", { timeout: 60_000 }, () => {
  let upstream: HttpServer;
  let h: Harness;
  const seen: IncomingHttpHeaders[] = [];
  before(async () => {
    const transports = new Map<string, StreamableHTTPServerTransport>();
    upstream = createServer(async (req, res) => {
      seen.push(req.headers);
      const sid = req.headers["mcp-session-id"];
      let transport = typeof sid === "string" ? transports.get(sid) : undefined;
      if (!transport) {
        const created: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id: string): void => {
            transports.set(id, created);
          },
        });
        await mcpServer().connect(created);
        transport = created;
      }
      await transport.handleRequest(req, res);
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/mcp`;
    const config = upstreamSchema.parse({ url, headers: { authorization: UPSTREAM_CREDENTIAL } });
    h = await startHarness({ upstream: config, upstreamName: "default" });
  });
  after(async () => {
    await h.front.close();
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });

  test("calls reach the remote upstream with its own credential; the client token is not forwarded", async () => {
    const { token } = await h.tokens.issue({ sub: "alice" });
    const transport = new StreamableHTTPClientTransport(new URL(h.front.url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    const client = new Client({ name: "remote-e2e", version: "1.0.0" }, { capabilities: {} });
    await client.connect(transport);
    assert.deepEqual(
      (await client.listTools()).tools.map((t) => t.name),
      ["echo"],
    );
    const res = await client.callTool({ name: "echo", arguments: { message: "hi" } });
    assert.match(JSON.stringify(res.content), /remote: hi/);
    await transport.terminateSession();
    await client.close();
    assert.ok(seen.length >= 3);
    for (const headers of seen) {
      assert.equal(headers.authorization, UPSTREAM_CREDENTIAL);
      assert.ok(!JSON.stringify(headers).includes(token), "client token forwarded upstream");
    }
  });

  test("a stateless 2026-07-28 caller is served through its lane by the remote upstream, same credential rule", async () => {
    const { token } = await h.tokens.issue({ sub: "bob" });
    const before = seen.length;
    const meta = {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientCapabilities": {},
    };
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "echo", arguments: { message: "stateless" }, _meta: meta },
    });
    const res = await raw(h.front.url, {
      headers: {
        ...JSON_HEADERS,
        authorization: `Bearer ${token}`,
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": "tools/call",
        "mcp-name": "echo",
      },
      body,
    });
    assert.equal(res.status, 200);
    const answer = JSON.parse(res.body) as { id: number; result: { resultType: string; content: unknown } };
    assert.equal(answer.id, 1);
    assert.equal(answer.result.resultType, "complete");
    assert.match(JSON.stringify(answer.result.content), /remote: stateless/);
    assert.ok(seen.length > before, "the lane reached the remote upstream");
    for (const headers of seen.slice(before)) {
      assert.equal(headers.authorization, UPSTREAM_CREDENTIAL);
      assert.ok(!JSON.stringify(headers).includes(token), "client token forwarded upstream");
    }
  });
});
