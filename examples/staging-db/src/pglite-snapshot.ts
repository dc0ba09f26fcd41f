// A per-user cache of the embedded database after schema, seed and roles: PGlite's initdb dominates start-up
// (seconds to tens of seconds on a busy machine), loading a snapshot skips it. Keyed by the SQL and the PGlite
// version; only a file owned by this user and not writable by others is loaded (CWE-377 / CWE-732).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { lstat, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";

const GZIP = "application/x-gzip";

/** Where the snapshot for these SQL texts lives, or undefined when caching is off (STAGING_DB_PGLITE_CACHE=off). */
export function snapshotPath(env: NodeJS.ProcessEnv, sqlTexts: readonly string[]): string | undefined {
  if (env.STAGING_DB_PGLITE_CACHE === "off") return undefined;
  const base = env.STAGING_DB_PGLITE_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "mcp-warden");
  const hash = createHash("sha256").update(pgliteVersion());
  for (const text of sqlTexts) hash.update("\u0000").update(text);
  return join(base, `staging-db-pglite-${hash.digest("hex").slice(0, 16)}.tar.gz`);
}

/** The snapshot as a Blob for PGlite's loadDataDir, or undefined when absent or not safe to trust. */
export async function readSnapshot(path: string): Promise<Blob | undefined> {
  try {
    const info = await lstat(path);
    const uid = process.getuid?.();
    if (!info.isFile() || (uid !== undefined && info.uid !== uid) || (info.mode & 0o022) !== 0) return undefined;
    return new Blob([await readFile(path)], { type: GZIP });
  } catch {
    return undefined;
  }
}

/** Writes the snapshot atomically (temp file + rename), readable by this user only. Best effort. */
export async function writeSnapshot(db: PGlite, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const dump = await db.dumpDataDir("gzip");
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  await rename(temp, path);
}

function pgliteVersion(): string {
  try {
    const entry = fileURLToPath(import.meta.resolve("@electric-sql/pglite"));
    let dir = dirname(entry);
    for (let i = 0; i < 4; i += 1, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
        if (pkg.name === "@electric-sql/pglite") return pkg.version ?? "unknown";
      } catch {
        // not this directory
      }
    }
  } catch {
    // fall through
  }
  return "unknown";
}
