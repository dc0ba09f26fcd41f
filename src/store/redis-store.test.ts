// Redis store against the real Redis (REDIS_URL or 127.0.0.1:6379): the shared contract with a unique prefix per test,
// and fail-closed behaviour when Redis is unreachable or goes away. Skips loudly if Redis is absent, fails under CI.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createServer, type Socket, connect as tcpConnect } from "node:net";
import { after, test } from "node:test";
import { storeContract } from "../../test/helpers/store-contract.ts";
import { createRedisStore } from "./redis-store.ts";
import type { WardenStore } from "./types.ts";

const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const reachable = await createRedisStore({ url, prefix: "warden-test-probe:" }).then(
  async (s) => {
    await s.close();
    return true;
  },
  () => false,
);
if (!reachable) {
  const message = `Redis not reachable at ${url}`;
  if (process.env.CI === "true") test("redis reachable (required when CI=true)", () => assert.fail(message));
  else console.error(`\n!!! ${message}: redis store tests SKIPPED !!!\n`);
}

/** Opens a store with a unique prefix; wraps close() to delete every key the test created. */
async function fresh(): Promise<WardenStore> {
  const prefix = `warden-test:${randomUUID()}:`;
  const store = await createRedisStore({ url, prefix });
  const close = store.close;
  return Object.assign(store, {
    close: async () => {
      for (const e of await store.list("")) await store.delete(e.key);
      await close();
    },
  });
}

if (reachable) {
  storeContract("redis", fresh);

  test("redis: an unreachable server is an error at connect, not an empty store", async () => {
    await assert.rejects(createRedisStore({ url: "redis://127.0.0.1:1", prefix: "x:", connectTimeoutMs: 500 }), {
      code: "ERR_STORE_UNAVAILABLE",
    });
  });

  test("redis: a connection that drops makes reads throw instead of reading 'absent'", async () => {
    const target = new URL(url);
    const sockets = new Set<Socket>();
    const proxy = createServer((inbound) => {
      const outbound = tcpConnect(Number(target.port || 6379), target.hostname);
      for (const s of [inbound, outbound]) sockets.add(s).add(s);
      inbound.pipe(outbound).pipe(inbound);
      inbound.on("error", () => outbound.destroy());
      outbound.on("error", () => inbound.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    after(() => proxy.close());
    const port = (proxy.address() as { port: number }).port;
    const store = await createRedisStore({ url: `redis://127.0.0.1:${port}`, prefix: `warden-test:${randomUUID()}:` });
    try {
      await store.set("revoked:1", "yes", { ttlMs: 5000 });
      proxy.close();
      for (const s of sockets) s.destroy();
      const started = Date.now();
      await assert.rejects(store.get("revoked:1"), { code: "ERR_STORE_UNAVAILABLE" });
      assert.ok(Date.now() - started < 3000, "the failure is reported promptly");
    } finally {
      await store.close().catch(() => undefined);
    }
  });
}
