// The session's upstream queue: messages reach the client in arrival order even when a guard is asynchronous for
// one of them, and handling is synchronous again (no promise per message) once nothing is queued.
import assert from "node:assert/strict";
import { test } from "node:test";
import { testPolicy } from "../guards/test-context.ts";
import type { MessageContext } from "../guards/types.ts";
import type { ChainOutcome, GuardChain } from "../policy/chain.ts";
import { NO_AUDIT } from "./audit-recorder.ts";
import { silentLogger } from "./logger.ts";
import { GatewaySession } from "./session.ts";

const policy = testPolicy({ environment: "dev", audit: { enabled: false } });

function harness(slowResponseIds: Set<unknown>) {
  const toClient: string[] = [];
  // A chain whose response phase is asynchronous for the listed ids and synchronous for everything else.
  const chain: GuardChain = {
    ids: ["test"],
    run(ctx: MessageContext): ChainOutcome | Promise<ChainOutcome> {
      const id = (ctx.message as { id?: unknown }).id;
      if (ctx.phase === "response" && slowResponseIds.has(id))
        return new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 20));
      return { ok: true };
    },
  };
  const logger = silentLogger();
  const session = new GatewaySession({
    policy,
    upstream: "default",
    principal: { sub: "t", iss: "local", scopes: [] },
    chain,
    audit: NO_AUDIT,
    logger,
    sendToClient: (t) => void toClient.push(t),
    sendToUpstream: () => true,
  });
  const line = (msg: unknown) => JSON.stringify(msg);
  return { session, toClient, line };
}

test("a message after a slow one waits for it; once the queue is empty, handling is synchronous", async () => {
  const { session, toClient, line } = harness(new Set([1]));
  assert.equal(session.fromClient(line({ jsonrpc: "2.0", id: 1, method: "ping" }), 10), undefined);
  const slow = session.fromUpstream(line({ jsonrpc: "2.0", id: 1, result: {} }), 10);
  assert.ok(slow instanceof Promise);
  const note = line({ jsonrpc: "2.0", method: "notifications/message", params: { level: "info", data: "after" } });
  const queued = session.fromUpstream(note, 10);
  assert.ok(queued instanceof Promise, "queued behind the slow response");
  assert.deepEqual(toClient, []);
  await queued;
  assert.equal(toClient.length, 2);
  assert.equal(JSON.parse(toClient[0]!).id, 1);
  assert.equal(toClient[1], note);
  await new Promise((r) => setImmediate(r));
  const later = line({ jsonrpc: "2.0", method: "notifications/message", params: { level: "info", data: "later" } });
  assert.equal(session.fromUpstream(later, 10), undefined);
  assert.equal(toClient[2], later);
});

test("a synchronous response is answered before fromUpstream returns", () => {
  const { session, toClient, line } = harness(new Set());
  session.fromClient(line({ jsonrpc: "2.0", id: "a", method: "ping" }), 10);
  assert.equal(session.fromUpstream(line({ jsonrpc: "2.0", id: "a", result: {} }), 10), undefined);
  assert.equal(JSON.parse(toClient[0]!).id, "a");
});
