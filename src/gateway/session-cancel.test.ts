// A request the client cancels while it is still in the guard chain is never forwarded, and its audit trail is closed
// with a "cancelled" end event (the audit guard has already written its start event by then).
import assert from "node:assert/strict";
import { test } from "node:test";
import { testPolicy } from "../guards/test-context.ts";
import type { MessageContext } from "../guards/types.ts";
import type { ChainOutcome, GuardChain } from "../policy/chain.ts";
import type { AuditEntry, AuditRecorder } from "./audit-recorder.ts";
import { silentLogger } from "./logger.ts";
import { GatewaySession } from "./session.ts";

test("cancelled while the chain runs: not forwarded, audited as cancelled", async () => {
  const entries: AuditEntry[] = [];
  const audit: AuditRecorder = {
    record: (entry) => {
      entries.push(entry);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  let release: () => void = () => {};
  const chain: GuardChain = {
    ids: ["slow"],
    run(ctx: MessageContext): ChainOutcome | Promise<ChainOutcome> {
      if (ctx.phase !== "request") return { ok: true };
      return new Promise((resolve) => {
        release = () => resolve({ ok: true });
      });
    },
  };
  const toUpstream: string[] = [];
  const session = new GatewaySession({
    policy: testPolicy({ environment: "dev", audit: { enabled: false } }),
    upstream: "default",
    principal: { sub: "t", iss: "local", scopes: [] },
    chain,
    audit,
    logger: silentLogger(),
    sendToClient: () => {},
    sendToUpstream: (t) => {
      toUpstream.push(t);
      return true;
    },
  });
  const read = JSON.stringify({ jsonrpc: "2.0", id: 5, method: "resources/read", params: { uri: "file:///x" } });
  const inChain = session.fromClient(read, read.length);
  const cancel = { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 5 } };
  await session.fromClient(JSON.stringify(cancel), 60);
  release();
  await inChain;
  assert.deepEqual(
    toUpstream.map((t) => JSON.parse(t).method),
    ["notifications/cancelled"],
    "the request itself never went upstream",
  );
  assert.deepEqual(
    entries.map((e) => [e.method, e.outcome]),
    [["resources/read", "cancelled"]],
  );
});
