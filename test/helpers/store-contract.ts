// Test helper: the behaviour every WardenStore backend must share (src/store/types.ts), run against each backend.
import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { WardenStore } from "../../src/store/types.ts";

/** Registers the contract tests; `open` returns a fresh, empty store (unique prefix/dir) for each test. */
export function storeContract(label: string, open: () => Promise<WardenStore>): void {
  const withStore = (name: string, fn: (s: WardenStore) => Promise<void>) =>
    test(`${label}: ${name}`, async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  withStore("get of a missing key is undefined; set then get; overwrite", async (s) => {
    assert.equal(await s.get("a:1"), undefined);
    await s.set("a:1", "one");
    assert.equal(await s.get("a:1"), "one");
    await s.set("a:1", "uno");
    assert.equal(await s.get("a:1"), "uno");
  });

  withStore("entries expire after their TTL", async (s) => {
    // Margins are generous: CI machines are shared and a write with fsync can take tens of milliseconds.
    await s.set("ttl:x", "v", { ttlMs: 500 });
    await s.set("ttl:keep", "v");
    assert.equal(await s.get("ttl:x"), "v");
    await sleep(700);
    assert.equal(await s.get("ttl:x"), undefined);
    assert.equal(await s.get("ttl:keep"), "v");
    assert.deepEqual(await s.list("ttl:"), [{ key: "ttl:keep", value: "v" }]);
  });

  withStore("delete reports whether something was removed", async (s) => {
    await s.set("d:1", "x");
    assert.equal(await s.delete("d:1"), true);
    assert.equal(await s.delete("d:1"), false);
    assert.equal(await s.get("d:1"), undefined);
  });

  withStore("increment counts within a window and restarts after it", async (s) => {
    assert.deepEqual((await s.increment("rl:p", 500)).count, 1);
    const second = await s.increment("rl:p", 500);
    assert.equal(second.count, 2);
    assert.ok(second.ttlMs > 0 && second.ttlMs <= 500, `ttl ${second.ttlMs}`);
    await sleep(700);
    assert.equal((await s.increment("rl:p", 500)).count, 1);
  });

  withStore("concurrent increments are atomic", async (s) => {
    const counts = await Promise.all(Array.from({ length: 25 }, () => s.increment("rl:c", 10_000)));
    assert.deepEqual(
      counts.map((c) => c.count).sort((x, y) => x - y),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  withStore("list matches the prefix literally and exactly", async (s) => {
    await s.set("tok:a", "1");
    await s.set("tok:b", "2");
    await s.set("TOK:c", "3");
    await s.set("tok*:d", "4");
    await s.set("other", "5");
    const keys = (await s.list("tok:")).map((e) => e.key).sort();
    assert.deepEqual(keys, ["tok:a", "tok:b"]);
    assert.deepEqual(await s.list("tok*"), [{ key: "tok*:d", value: "4" }]);
    assert.deepEqual(await s.list("none:"), []);
  });

  withStore("keys with separators and long keys round-trip", async (s) => {
    const long = `k:${"x/y.z@".repeat(30)}`;
    await s.set("u:alice@example.com/../x", "1");
    await s.set(long, "2");
    assert.equal(await s.get("u:alice@example.com/../x"), "1");
    assert.deepEqual(
      (await s.list("k:")).map((e) => e.key),
      [long],
    );
  });

  withStore("take hands a value to exactly one of concurrent callers", async (s) => {
    await s.set("ap:1", "approved");
    const got = await Promise.all(Array.from({ length: 10 }, () => s.take("ap:1")));
    assert.deepEqual(
      got.filter((v) => v !== undefined),
      ["approved"],
    );
    assert.equal(await s.get("ap:1"), undefined);
    assert.equal(await s.take("ap:1"), undefined);
  });

  withStore("compareAndDelete deletes only on an exact match", async (s) => {
    await s.set("cad:1", "abc");
    assert.equal(await s.compareAndDelete("cad:1", "ABC"), false);
    assert.equal(await s.get("cad:1"), "abc");
    assert.equal(await s.compareAndDelete("cad:1", "abc"), true);
    assert.equal(await s.compareAndDelete("cad:1", "abc"), false);
  });

  withStore("invalid keys and TTLs are refused with an error", async (s) => {
    await assert.rejects(s.get(""), { code: "ERR_STORE_UNAVAILABLE" });
    await assert.rejects(s.get("has space"), { code: "ERR_STORE_UNAVAILABLE" });
    await assert.rejects(s.set("k", "v", { ttlMs: 0 }), { code: "ERR_STORE_UNAVAILABLE" });
  });
}
