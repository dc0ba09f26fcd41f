// WardenStore on Redis (node-redis) for gateway replicas. Every key carries the configured prefix. Atomic steps use
// single commands (GETDEL, Redis >= 6.2) or Lua scripts; the offline queue is off and commands time out, so an
// unreachable Redis surfaces as ERR_STORE_UNAVAILABLE at once instead of hanging or reading as "absent".
import { createClient } from "redis";
import { checkKey, checkTtl, storeFailure } from "./store-key.ts";
import type { Counter, SetOptions, StoreEntry, WardenStore } from "./types.ts";

export interface RedisStoreOptions {
  url: string;
  prefix: string;
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
}

// INCR then set the window's expiry only on creation; returns [count, pttl].
const INCREMENT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {c, redis.call('PTTL', KEYS[1])}`;
const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type Reply = string | number | null | Reply[];

export async function createRedisStore(opts: RedisStoreOptions): Promise<WardenStore> {
  const timeout = opts.commandTimeoutMs ?? 2000;
  let connected = false;
  // The first connection must succeed or fail at once; after that, reconnect with capped backoff.
  const reconnectStrategy = (n: number, cause: Error) => (connected ? Math.min(50 * 2 ** n, 2000) : cause);
  const client = createClient({
    url: opts.url,
    disableOfflineQueue: true,
    commandOptions: { timeout },
    socket: { connectTimeout: opts.connectTimeoutMs ?? 2000, reconnectStrategy },
  });
  // Without a listener node-redis rethrows socket errors as uncaught; failures reach callers through commands.
  client.on("error", () => undefined);
  try {
    await client.connect();
    connected = true;
  } catch (err) {
    await client.destroy();
    throw storeFailure("redis", "connect", err);
  }
  const k = (key: string) => opts.prefix + checkKey(key);
  const send = async (op: string, args: string[]): Promise<Reply> => {
    try {
      return (await client.sendCommand(args)) as Reply;
    } catch (err) {
      throw storeFailure("redis", op, err);
    }
  };

  return {
    kind: "redis",
    get: async (key) => ((await send("get", ["GET", k(key)])) as string | null) ?? undefined,
    set: async (key, value, setOpts: SetOptions = {}) => {
      const ttl = checkTtl(setOpts.ttlMs);
      await send("set", ttl ? ["SET", k(key), value, "PX", String(ttl)] : ["SET", k(key), value]);
    },
    delete: async (key) => (await send("delete", ["DEL", k(key)])) === 1,
    increment: async (key, ttlMs): Promise<Counter> => {
      const ttl = checkTtl(ttlMs) as number;
      const reply = await send("increment", ["EVAL", INCREMENT, "1", k(key), String(ttl)]);
      const [count, pttl] = reply as [number, number];
      return { count, ttlMs: Math.max(0, pttl) };
    },
    list: (prefix) => listByPrefix(opts.prefix, prefix, send),
    take: async (key) => ((await send("take", ["GETDEL", k(key)])) as string | null) ?? undefined,
    compareAndDelete: async (key, expected) =>
      (await send("compareAndDelete", ["EVAL", COMPARE_AND_DELETE, "1", k(key), expected])) === 1,
    close: async () => {
      // A reconnecting client cannot flush a graceful QUIT; destroy it so no reconnect timer outlives the store.
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}

/** Escapes glob metacharacters so a prefix is matched literally by SCAN MATCH. */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (ch) => `\\${ch}`);
}

async function listByPrefix(
  storePrefix: string,
  prefix: string,
  send: (op: string, args: string[]) => Promise<Reply>,
): Promise<StoreEntry[]> {
  const pattern = `${globLiteral(storePrefix + prefix)}*`;
  const out: StoreEntry[] = [];
  let cursor = "0";
  // SCAN is bounded per call (COUNT) and does not block Redis like KEYS would.
  do {
    const [next, keys] = (await send("list", ["SCAN", cursor, "MATCH", pattern, "COUNT", "500"])) as [string, string[]];
    cursor = next;
    if (keys.length === 0) continue;
    const values = (await send("list", ["MGET", ...keys])) as (string | null)[];
    keys.forEach((full, i) => {
      const value = values[i];
      if (typeof value === "string") out.push({ key: full.slice(storePrefix.length), value });
    });
  } while (cursor !== "0");
  return out;
}
