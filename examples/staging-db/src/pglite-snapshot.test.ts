// The PGlite snapshot cache trusts only files owned by this user and not writable by others.
import assert from "node:assert/strict";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readSnapshot, snapshotPath } from "./pglite-snapshot.ts";

describe("pglite snapshot cache", () => {
  it("is keyed by the SQL and can be turned off", () => {
    const a = snapshotPath({ STAGING_DB_PGLITE_CACHE_DIR: "/c" }, ["x"]);
    const b = snapshotPath({ STAGING_DB_PGLITE_CACHE_DIR: "/c" }, ["y"]);
    assert.ok(a?.startsWith("/c/staging-db-pglite-"));
    assert.notEqual(a, b);
    assert.equal(snapshotPath({ STAGING_DB_PGLITE_CACHE: "off" }, ["x"]), undefined);
  });

  it("ignores a snapshot writable by group or others, or missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warden-snapshot-"));
    try {
      const file = join(dir, "s.tar.gz");
      await writeFile(file, "not really gzip");
      await chmod(file, 0o666);
      assert.equal(await readSnapshot(file), undefined);
      await chmod(file, 0o600);
      assert.ok((await readSnapshot(file)) instanceof Blob);
      assert.equal(await readSnapshot(join(dir, "absent")), undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
