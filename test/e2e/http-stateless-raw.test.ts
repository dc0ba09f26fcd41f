// e2e with raw HTTP: the 2026-07-28 stateless rules of the HTTP front, attack and bad-input cases included — every one
// answered with a clear JSON-RPC error and the right status, never a hang (MCP 2026-07-28 "Streamable HTTP",
// "Versioning", "Overview" › _meta).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Harness, JSON_HEADERS, type RawResponse, raw, startHarness } from "./http-harness.ts";

const MODERN = "2026-07-28";
const META = {
  "io.modelcontextprotocol/protocolVersion": MODERN,
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
};

type Json = Record<string, unknown>;

function body(id: unknown, method: string, params: Json = {}, meta: Json = META): string {
  return JSON.stringify({ jsonrpc: "2.0", id, method, params: { ...params, _meta: meta } });
}

/** The headers a conforming 2026-07-28 client sends for this body. */
function headersFor(token: string, text: string): Record<string, string> {
  const msg = JSON.parse(text) as { method: string; params?: { name?: string; uri?: string } };
  const name = msg.params?.name ?? msg.params?.uri;
  return {
    ...JSON_HEADERS,
    authorization: `Bearer ${token}`,
    "mcp-protocol-version": MODERN,
    "mcp-method": msg.method,
    ...(name !== undefined && msg.method !== "tools/list" ? { "mcp-name": name } : {}),
  };
}

/** The JSON-RPC message of a response (JSON, or the last SSE event). */
function answerOf(res: RawResponse): Json {
  if (String(res.headers["content-type"]).startsWith("text/event-stream")) {
    const events = res.body.split("\n").filter((l) => l.startsWith("data: "));
    return JSON.parse(events.at(-1)?.slice(6) ?? "null") as Json;
  }
  return JSON.parse(res.body) as Json;
}

function errorOf(res: RawResponse): { code: number; message: string; data?: Json } {
  return answerOf(res).error as { code: number; message: string; data?: Json };
}

describe("2026-07-28 stateless requests (raw HTTP)", { timeout: 60_000 }, () => {
  let h: Harness;
  let alice: string;
  let bob: string;
  const post = (token: string, text: string, headers: Record<string, string> = {}) =>
    raw(h.front.url, { headers: { ...headersFor(token, text), ...headers }, body: text });

  before(async () => {
    h = await startHarness();
    alice = (await h.tokens.issue({ sub: "alice" })).token;
    bob = (await h.tokens.issue({ sub: "bob", scopes: ["math:use"] })).token;
  });
  after(async () => {
    await h.front.close();
  });

  test("server/discover is answered by the gateway with the upstream's identity and policy-narrowed capabilities", async () => {
    const res = await post(alice, body("d1", "server/discover"));
    assert.equal(res.status, 200);
    const answer = answerOf(res);
    assert.equal(answer.id, "d1");
    const result = answer.result as Json;
    assert.equal(result.resultType, "complete");
    assert.deepEqual((result.supportedVersions as string[])[0], MODERN);
    assert.equal(result.cacheScope, "private");
    assert.equal(typeof result.ttlMs, "number");
    const caps = result.capabilities as Json;
    assert.deepEqual(caps.tools, {}, "listChanged dropped: no subscriptions/listen");
    assert.equal(caps.logging, undefined);
    const serverInfo = (result._meta as Json)["io.modelcontextprotocol/serverInfo"] as Json;
    assert.equal(serverInfo.name, "mcp-servers/everything");
    assert.equal(res.headers["mcp-session-id"], undefined, "no session is minted");
  });

  test("results carry resultType and the caching fields; tools/list is filtered per principal", async () => {
    const list = async (token: string) => answerOf(await post(token, body(1, "tools/list"))).result as Json;
    const a = await list(alice);
    assert.equal(a.resultType, "complete");
    assert.equal(a.cacheScope, "private", "a per-principal list must not be shared by caches");
    assert.equal(a.ttlMs, 0);
    const names = (r: Json) => (r.tools as { name: string }[]).map((t) => t.name).sort();
    assert.deepEqual(names(a), ["echo", "trigger-long-running-operation"]);
    assert.deepEqual(names(await list(bob)), ["echo", "get-sum", "trigger-long-running-operation"]);
    const call = answerOf(await post(alice, body(2, "tools/call", { name: "echo", arguments: { message: "hi" } })));
    assert.equal((call.result as Json).resultType, "complete");
  });

  test("equal ids of two principals in flight at once: each gets its own answer, never the other's", async () => {
    const slow = post(
      alice,
      body(7, "tools/call", { name: "trigger-long-running-operation", arguments: { duration: 0.4, steps: 2 } }),
    );
    const fast = post(bob, body(7, "tools/call", { name: "get-sum", arguments: { a: 20, b: 22 } }));
    const [a, b] = await Promise.all([slow, fast]);
    assert.equal(answerOf(a).id, 7);
    assert.equal(answerOf(b).id, 7);
    assert.match(JSON.stringify(answerOf(a).result), /completed/);
    assert.doesNotMatch(JSON.stringify(answerOf(a).result), /42/);
    assert.match(JSON.stringify(answerOf(b).result), /42/);
    assert.ok(h.front.laneCount >= 2, "one lane per principal");
  });

  test("one principal, two concurrent requests with the same id: both answered, each correctly", async () => {
    const one = post(bob, body("same", "tools/call", { name: "get-sum", arguments: { a: 1, b: 1 } }));
    const two = post(bob, body("same", "tools/call", { name: "get-sum", arguments: { a: 100, b: 200 } }));
    const [x, y] = await Promise.all([one, two]);
    assert.match(JSON.stringify(answerOf(x).result), /\b2\b/);
    assert.match(JSON.stringify(answerOf(y).result), /300/);
    assert.equal(answerOf(x).id, "same");
  });

  test("a denied tool is refused exactly like a tool that does not exist", async () => {
    const denied = errorOf(await post(alice, body(3, "tools/call", { name: "get-env", arguments: {} })));
    const unknown = errorOf(await post(alice, body(3, "tools/call", { name: "no-such-tool", arguments: {} })));
    assert.equal(denied.code, unknown.code);
    assert.deepEqual(denied.data, unknown.data);
    assert.equal(denied.message.replace("get-env", "X"), unknown.message.replace("no-such-tool", "X"));
  });

  test("a missing scope gets 403 insufficient_scope, as for sessions", async () => {
    const res = await post(alice, body(4, "tools/call", { name: "get-sum", arguments: { a: 1, b: 2 } }));
    assert.equal(res.status, 403);
    assert.match(String(res.headers["www-authenticate"]), /insufficient_scope/);
  });

  test("a down-scoped token of the same user never rides on the lane of a broader one", async () => {
    const broad = (await h.tokens.issue({ sub: "carol", scopes: ["math:use"] })).token;
    const narrow = (await h.tokens.issue({ sub: "carol" })).token;
    const sum = body(14, "tools/call", { name: "get-sum", arguments: { a: 1, b: 2 } });
    assert.equal((await post(broad, sum)).status, 200);
    const refused = await post(narrow, sum);
    assert.equal(refused.status, 403, "the narrow token's own scopes decide");
    assert.equal((await post(broad, sum)).status, 200);
  });

  test("MCP-Protocol-Version missing or different from _meta: 400 HeaderMismatch (-32020)", async () => {
    const text = body(5, "tools/list");
    const missing = await raw(h.front.url, {
      headers: { ...JSON_HEADERS, authorization: `Bearer ${alice}`, "mcp-method": "tools/list" },
      body: text,
    });
    assert.equal(missing.status, 400);
    assert.equal(errorOf(missing).code, -32020);
    assert.match(errorOf(missing).message, /MCP-Protocol-Version header is required/);
    const mismatched = await post(
      alice,
      body(5, "tools/list", {}, { ...META, "io.modelcontextprotocol/protocolVersion": "2025-11-25" }),
    );
    assert.equal(mismatched.status, 400);
    assert.equal(errorOf(mismatched).code, -32020);
    assert.equal(answerOf(mismatched).id, 5);
  });

  test("required _meta keys missing: 400 Invalid params naming the key", async () => {
    const noCaps = { "io.modelcontextprotocol/protocolVersion": MODERN };
    const res = await post(alice, body(6, "tools/list", {}, noCaps));
    assert.equal(res.status, 400);
    assert.equal(errorOf(res).code, -32602);
    assert.match(errorOf(res).message, /clientCapabilities/);
    const noMeta = JSON.stringify({ jsonrpc: "2.0", id: 6, method: "tools/list" });
    const bare = await post(alice, noMeta);
    assert.equal(bare.status, 400);
    assert.equal(errorOf(bare).code, -32602);
    assert.match(errorOf(bare).message, /protocolVersion/);
  });

  test("an unknown version gets UnsupportedProtocolVersionError (-32022) with the supported list", async () => {
    const text = body(8, "tools/list", {}, { ...META, "io.modelcontextprotocol/protocolVersion": "2099-01-01" });
    const res = await post(alice, text, { "mcp-protocol-version": "2099-01-01" });
    assert.equal(res.status, 400);
    const error = errorOf(res);
    assert.equal(error.code, -32022);
    assert.equal(error.data?.requested, "2099-01-01");
    assert.ok((error.data?.supported as string[] | undefined)?.includes(MODERN));
  });

  test("Mcp-Method / Mcp-Name missing or not matching the body: 400 HeaderMismatch; Base64 names are decoded", async () => {
    const text = body(9, "tools/call", { name: "echo", arguments: { message: "x" } });
    const wrongMethod = await post(alice, text, { "mcp-method": "tools/list" });
    assert.equal(wrongMethod.status, 400);
    assert.equal(errorOf(wrongMethod).code, -32020);
    const wrongName = await post(alice, text, { "mcp-name": "get-env" });
    assert.equal(errorOf(wrongName).code, -32020);
    const noName = await raw(h.front.url, {
      headers: {
        ...JSON_HEADERS,
        authorization: `Bearer ${alice}`,
        "mcp-protocol-version": MODERN,
        "mcp-method": "tools/call",
      },
      body: text,
    });
    assert.equal(noName.status, 400);
    assert.match(errorOf(noName).message, /Mcp-Name header is required/);
    const encoded = `=?base64?${Buffer.from("echo").toString("base64")}?=`;
    const ok = await post(alice, text, { "mcp-name": encoded });
    assert.equal(ok.status, 200);
    assert.match(JSON.stringify(answerOf(ok).result), /x/);
  });

  test("a stateless request with an Mcp-Session-Id, known or not, is refused", async () => {
    const res = await post(alice, body(10, "tools/list"), { "mcp-session-id": "not-a-session" });
    assert.equal(res.status, 400);
    assert.match(errorOf(res).message, /no Mcp-Session-Id/);
  });

  test("a 2025 version in _meta without a session is told to initialize", async () => {
    const legacy = { ...META, "io.modelcontextprotocol/protocolVersion": "2025-06-18" };
    const res = await post(alice, body(11, "tools/list", {}, legacy), { "mcp-protocol-version": "2025-06-18" });
    assert.equal(res.status, 400);
    assert.match(errorOf(res).message, /needs a session: send initialize first/);
  });

  test("GET and DELETE of a stateless client: 405; initialize under 2026-07-28: 404 method not found", async () => {
    const headers = { accept: "text/event-stream", authorization: `Bearer ${alice}`, "mcp-protocol-version": MODERN };
    const get = await raw(h.front.url, { method: "GET", headers });
    assert.equal(get.status, 405);
    const del = await raw(h.front.url, { method: "DELETE", headers });
    assert.equal(del.status, 405);
    const init = await post(alice, body(12, "initialize", { protocolVersion: MODERN, capabilities: {} }));
    assert.equal(init.status, 404);
    assert.equal(errorOf(init).code, -32601);
  });

  test("without a token the stateless request is refused before any lane exists", async () => {
    const lanes = h.front.laneCount;
    const text = body(13, "tools/list");
    const headers = { ...headersFor(alice, text) };
    delete headers.authorization;
    const res = await raw(h.front.url, { headers, body: text });
    assert.equal(res.status, 401);
    assert.equal(h.front.laneCount, lanes);
  });
});
