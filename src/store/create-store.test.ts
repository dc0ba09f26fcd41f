// createStore(policy.store): each kind builds its backend; a relative file path is anchored at the policy directory.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { createStore } from "./create-store.ts";

const base = await mkdtemp(join(tmpdir(), "warden-create-store-"));
after(() => rm(base, { recursive: true, force: true }));

test("file kind: relative path resolved against baseDir, with a .gitignore", async () => {
  const store = await createStore({ kind: "file", path: ".warden" }, { baseDir: base });
  assert.equal(store.kind, "file");
  await store.set("k", "v");
  assert.ok((await stat(join(base, ".warden", "data"))).isDirectory());
  assert.equal(await readFile(join(base, ".warden", ".gitignore"), "utf8"), "*\n");
  const again = await createStore({ kind: "file", path: join(base, ".warden") });
  assert.equal(await again.get("k"), "v", "an absolute path reaches the same state");
});

test("memory kind", async () => {
  const store = await createStore({ kind: "memory" });
  assert.equal(store.kind, "memory");
});

test("redis kind: an unreachable URL is an error, not an empty store", async () => {
  await assert.rejects(createStore({ kind: "redis", url: "redis://127.0.0.1:1", prefix: "x:" }), {
    code: "ERR_STORE_UNAVAILABLE",
  });
});
