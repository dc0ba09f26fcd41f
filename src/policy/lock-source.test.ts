// Tests of the gateway's lock source: missing file, re-read after a re-pin, last good lock kept when broken.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ConfigError } from "../errors.ts";
import { createLockSource } from "./lock-source.ts";
import { emptyLock, lockedTool, pinUpstream, writeLockfile } from "./lockfile.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-lock-source-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const server = { name: "srv", version: "1" };
const approval = { by: "a", at: "t" };

test("a missing lockfile is an empty lock, and a lock written later (re-pin) takes effect without a restart", () => {
  const file = join(dir, "later.lock");
  const source = createLockSource(file, 0);
  assert.equal(lockedTool(source(), "u", "t"), undefined);
  writeLockfile(file, pinUpstream(emptyLock(), "u", { server, tools: [{ name: "t" }] }, approval));
  assert.ok(lockedTool(source(), "u", "t"));
  assert.equal(source(), source(), "unchanged file: the same object, no re-read");
});

test("a broken lock at start is a ConfigError; broken later, the last good lock stays in force", () => {
  const file = join(dir, "broken.lock");
  writeFileSync(file, "{");
  assert.throws(() => createLockSource(file), ConfigError);
  writeLockfile(file, pinUpstream(emptyLock(), "u", { server, tools: [{ name: "t" }] }, approval));
  const source = createLockSource(file, 0);
  writeFileSync(file, "{ broken and longer than before");
  assert.ok(lockedTool(source(), "u", "t"));
});

test("the file is looked at again only after the recheck interval", async () => {
  const file = join(dir, "interval.lock");
  const source = createLockSource(file, 50);
  writeLockfile(file, pinUpstream(emptyLock(), "u", { server, tools: [{ name: "t" }] }, approval));
  assert.equal(lockedTool(source(), "u", "t"), undefined, "within the interval the previous lock is used");
  await new Promise((r) => setTimeout(r, 80));
  assert.ok(lockedTool(source(), "u", "t"));
});
