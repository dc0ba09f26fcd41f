// Runs the store contract against the in-memory store, plus its fail-closed behaviour after close().
import assert from "node:assert/strict";
import { test } from "node:test";
import { storeContract } from "../../test/helpers/store-contract.ts";
import { createMemoryStore } from "./memory-store.ts";

storeContract("memory", async () => createMemoryStore());

test("memory: a closed store throws instead of answering 'not found'", async () => {
  const store = createMemoryStore();
  await store.set("revoked:1", "yes");
  await store.close();
  await assert.rejects(store.get("revoked:1"));
});
