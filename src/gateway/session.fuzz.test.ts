// Property tests: hostile frames from the client (invalid JSON, wrong types, huge numbers, deep nesting, batches,
// duplicate keys, unknown methods) never crash the session, always get an answer when they carry an id, and never
// make the session forward a call the policy denies.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { testPolicy } from "../guards/test-context.ts";
import { NO_AUDIT } from "./audit-recorder.ts";
import { buildGuardChain } from "./guard-chain.ts";
import { silentLogger } from "./logger.ts";
import { GatewaySession } from "./session.ts";

const policy = testPolicy({
  environment: "dev",
  audit: { enabled: false },
  defaults: { confirm: "never" },
  tools: { echo: {}, secret_tool: { allow: false } },
});

function harness() {
  const toClient: string[] = [];
  const toUpstream: string[] = [];
  const logger = silentLogger();
  const session = new GatewaySession({
    policy,
    upstream: "default",
    principal: { sub: "fuzz", iss: "local", scopes: [] },
    chain: buildGuardChain({ policy, audit: NO_AUDIT, logger }),
    audit: NO_AUDIT,
    logger,
    handshakeWaitMs: 5,
    sendToClient: (t) => void toClient.push(t),
    sendToUpstream: (t) => {
      toUpstream.push(t);
      const msg = JSON.parse(t) as { id?: unknown; method?: string };
      // The fake upstream answers the gateway's own tools/list so the catalog is known.
      if (msg.method === "tools/list") {
        const tools = [
          { name: "echo", inputSchema: { type: "object" } },
          { name: "secret_tool", inputSchema: { type: "object" } },
        ];
        queueMicrotask(
          () => void session.fromUpstream(JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: { tools } }), 10),
        );
      }
      return true;
    },
  });
  return { session, toClient, toUpstream };
}

const hostileFrame = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom(
    "[]",
    '[{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"secret_tool"}}]',
    '{"jsonrpc":"2.0","id":1e400,"method":"ping"}',
    '{"jsonrpc":"2.0","id":1.5,"method":"ping"}',
    '{"jsonrpc":"2.0","id":null,"method":"ping"}',
    '{"jsonrpc":"1.0","id":1,"method":"ping"}',
    '{"jsonrpc":"2.0","id":{},"method":"ping"}',
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[1,2]}',
    '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","name":"secret_tool"}}',
    '{"jsonrpc":"2.0","id":3,"method":"tools/delete","params":{}}',
    '{"jsonrpc":"2.0","id":4,"method":"Tools/Call","params":{"name":"secret_tool"}}',
    `{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"secret_tool","arguments":${"[".repeat(5000)}${"]".repeat(5000)}}}`,
    '{"jsonrpc":"2.0","id":6,"result":{}}',
    '{"__proto__":{"method":"tools/call"},"jsonrpc":"2.0","id":7}',
  ),
  fc
    .record({
      jsonrpc: fc.constantFrom("2.0", "1.0", 2),
      id: fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null)),
      method: fc.constantFrom("tools/call", "tools/list", "initialize", "x/y", "", "TOOLS/CALL"),
      params: fc.oneof(
        fc.record({
          name: fc.constantFrom("secret_tool", "Secret_Tool", "secret_tool ", "nope", "echo"),
          arguments: fc.jsonValue(),
        }),
        fc.jsonValue(),
      ),
    })
    .map((v) => JSON.stringify(v)),
);

test("hostile client frames never crash the session nor reach the upstream as denied calls", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(hostileFrame, { maxLength: 20 }), async (frames) => {
      const { session, toUpstream } = harness();
      for (const frame of frames) await session.fromClient(frame, Buffer.byteLength(frame));
      for (const sent of toUpstream) {
        const msg = JSON.parse(sent) as { method?: string; params?: { name?: unknown } };
        if (msg.method === "tools/call") assert.equal(msg.params?.name, "echo", `forwarded ${sent.slice(0, 200)}`);
        if (msg.method !== undefined)
          assert.ok(!/^tools\/delete|^x\/|^TOOLS/.test(msg.method), `forwarded ${msg.method}`);
      }
      session.close();
    }),
    { numRuns: 300 },
  );
});

test("every refused request that carries a valid id gets exactly one answer with that id", async () => {
  const { session, toClient } = harness();
  const frames = [
    '{"jsonrpc":"2.0","id":11,"method":"tools/delete","params":{}}',
    '{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"secret_tool","arguments":{}}}',
    '{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"Echo","arguments":{}}}',
    '{"jsonrpc":"2.0","id":13,"method":"tools/call","params":[1]}',
  ];
  for (const f of frames) await session.fromClient(f, f.length);
  const ids = toClient.map((t) => (JSON.parse(t) as { id: unknown }).id);
  assert.deepEqual(ids, [11, "a", 12, 13]);
  session.close();
});

test("a second request with an id still in flight is refused; the first is unaffected", async () => {
  const { session, toClient, toUpstream } = harness();
  const call = '{"jsonrpc":"2.0","id":21,"method":"tools/call","params":{"name":"echo","arguments":{}}}';
  await session.fromClient(call, call.length);
  await session.fromClient(call, call.length);
  assert.equal(toUpstream.filter((t) => t.includes('"id":21')).length, 1);
  const answer = JSON.parse(toClient.at(-1)!) as { id: number; error: { data: { code: string } } };
  assert.equal(answer.id, 21);
  assert.equal(answer.error.data.code, "ERR_PROTOCOL_DUPLICATE_ID");
  session.close();
});
