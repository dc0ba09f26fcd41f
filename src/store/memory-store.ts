// In-process WardenStore for tests and single-process use; same semantics as the file and redis stores.
import { checkKey, checkTtl } from "./store-key.ts";
import type { Counter, SetOptions, StoreEntry, WardenStore } from "./types.ts";

interface Slot {
  value: string;
  expiresAt: number | undefined;
}

export function createMemoryStore(now: () => number = Date.now): WardenStore {
  const slots = new Map<string, Slot>();
  let closed = false;

  const live = (key: string): Slot | undefined => {
    if (closed) throw new Error("memory store is closed");
    const slot = slots.get(key);
    if (slot?.expiresAt !== undefined && slot.expiresAt <= now()) {
      slots.delete(key);
      return undefined;
    }
    return slot;
  };

  return {
    kind: "memory",
    async get(key) {
      return live(checkKey(key))?.value;
    },
    async set(key, value, opts: SetOptions = {}) {
      const ttl = checkTtl(opts.ttlMs);
      live(checkKey(key));
      slots.set(key, { value, expiresAt: ttl === undefined ? undefined : now() + ttl });
    },
    async delete(key) {
      const existed = live(checkKey(key)) !== undefined;
      slots.delete(key);
      return existed;
    },
    async increment(key, ttlMs): Promise<Counter> {
      const ttl = checkTtl(ttlMs) as number;
      const slot = live(checkKey(key));
      const next: Slot = slot
        ? { value: String(Number(slot.value) + 1), expiresAt: slot.expiresAt }
        : { value: "1", expiresAt: now() + ttl };
      slots.set(key, next);
      return { count: Number(next.value), ttlMs: Math.max(0, (next.expiresAt ?? now()) - now()) };
    },
    async list(prefix): Promise<StoreEntry[]> {
      const out: StoreEntry[] = [];
      for (const key of [...slots.keys()]) {
        if (!key.startsWith(prefix)) continue;
        const slot = live(key);
        if (slot) out.push({ key, value: slot.value });
      }
      return out;
    },
    async take(key) {
      const slot = live(checkKey(key));
      slots.delete(key);
      return slot?.value;
    },
    async compareAndDelete(key, expected) {
      const slot = live(checkKey(key));
      if (slot?.value !== expected) return false;
      slots.delete(key);
      return true;
    },
    async close() {
      closed = true;
      slots.clear();
    },
  };
}
