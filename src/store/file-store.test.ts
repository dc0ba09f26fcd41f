// File store: the shared contract, private permissions, corrupt entries failing closed, and two processes at once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { storeContract } from "../../test/helpers/store-contract.ts";
import { fileNameFor } from "./file-names.ts";
import { createFileStore } from "./file-store.ts";

const base = await mkdtemp(join(tmpdir(), "warden-file-store-"));
after(() => rm(base, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(base, `s${n++}`);

storeContract("file", () => createFileStore({ path: freshDir() }));

test("file: state directory is 0700 and entries 0600; no temp files are left behind", async () => {
  const dir = freshDir();
  const store = await createFileStore({ path: dir });
  await store.set("tok:1", "v");
  await store.increment("rl:1", 1000);
  assert.equal((await stat(dir)).mode & 0o777, 0o700);
  assert.equal((await stat(join(dir, "data", fileNameFor("tok:1")))).mode & 0o777, 0o600);
  assert.deepEqual(await readdir(join(dir, "tmp")), []);
  assert.deepEqual(await readdir(join(dir, "locks")), []);
});

test("file: a corrupt entry is an error, never 'not found'", async () => {
  const dir = freshDir();
  const store = await createFileStore({ path: dir });
  await writeFile(join(dir, "data", fileNameFor("revoked:x")), "{not json", { mode: 0o600 });
  await assert.rejects(store.get("revoked:x"), { code: "ERR_STORE_UNAVAILABLE" });
  await assert.rejects(store.list("revoked:"), { code: "ERR_STORE_UNAVAILABLE" });
});

test("file: a state path that is not a directory is refused", async () => {
  const file = join(base, "plain-file");
  await writeFile(file, "x");
  await assert.rejects(createFileStore({ path: file }), { code: "ERR_STORE_UNAVAILABLE" });
});

test("file: a lock held by a live writer makes mutations fail after the timeout", async () => {
  const dir = freshDir();
  const store = await createFileStore({ path: dir, lockTimeoutMs: 100 });
  await writeFile(join(dir, "locks", `${fileNameFor("k")}.lock`), "99999");
  await assert.rejects(store.set("k", "v"), { code: "ERR_STORE_UNAVAILABLE" });
  assert.equal(await store.get("k"), undefined);
});

// A second OS process increments the same counter while this one does: no update may be lost.
const CHILD = `
import { createFileStore } from ${JSON.stringify(new URL("./file-store.ts", import.meta.url).href)};
const s = await createFileStore({ path: process.argv[1] });
for (let i = 0; i < 40; i++) await s.increment("rl:shared", 60000);
`;

test("file: increments from two processes are not lost", { timeout: 60_000 }, async () => {
  const dir = freshDir();
  const store = await createFileStore({ path: dir });
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD, dir], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  for (let i = 0; i < 40; i++) await store.increment("rl:shared", 60_000);
  assert.equal(await exited, 0);
  assert.equal(await store.get("rl:shared"), "80");
});

test("file: listing removes expired entries from disk", async () => {
  const dir = freshDir();
  const store = await createFileStore({ path: dir });
  await store.set("tokens:old", "v", { ttlMs: 20 });
  await store.set("tokens:new", "v");
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(
    (await store.list("tokens:")).map((e) => e.key),
    ["tokens:new"],
  );
  assert.deepEqual(await readdir(join(dir, "data")), [fileNameFor("tokens:new")]);
});
