// The embedded default WardenStore: one file per key under a private state directory (.warden/, mode 0700) shared
// by the CLI and a gateway on the same machine. Writes go to a temp file then rename(2), so a reader never sees
// a half-written entry; mutations hold a per-key lock file (file-lock.ts) so increment/take are atomic across processes.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { withFileLock } from "./file-lock.ts";
import { fileNameFor, isHashedName, keyFromFileName } from "./file-names.ts";
import { checkKey, checkTtl, storeFailure } from "./store-key.ts";
import type { Counter, SetOptions, StoreEntry, WardenStore } from "./types.ts";

export interface FileStoreOptions {
  path: string;
  lockTimeoutMs?: number;
  now?: () => number;
}

interface FileRecord {
  k: string;
  v: string;
  /** Expiry, epoch milliseconds; null when the entry does not expire. */
  x: number | null;
}

export async function createFileStore(opts: FileStoreOptions): Promise<WardenStore> {
  const root = resolve(opts.path);
  const dirs = { data: join(root, "data"), locks: join(root, "locks"), tmp: join(root, "tmp") };
  try {
    await privateDir(root);
    for (const dir of Object.values(dirs)) await privateDir(dir);
    // State (token registry, approvals) never belongs in version control.
    await writeFile(join(root, ".gitignore"), "*\n", { mode: 0o600, flag: "wx" }).catch(ignoreExists);
  } catch (err) {
    throw storeFailure("file", `opening ${root}`, err);
  }
  const now = opts.now ?? Date.now;
  const lockOpts = { timeoutMs: opts.lockTimeoutMs ?? 2000, staleMs: 10_000 };
  const fileOf = (key: string) => join(dirs.data, fileNameFor(checkKey(key)));
  const locked = async <T>(key: string, op: string, fn: (file: string) => Promise<T>): Promise<T> => {
    const name = fileNameFor(checkKey(key));
    return guard(op, () => withFileLock(join(dirs.locks, `${name}.lock`), lockOpts, () => fn(join(dirs.data, name))));
  };
  const readLive = async (file: string): Promise<FileRecord | undefined> => {
    const rec = await readRecord(file);
    return rec && (rec.x === null || rec.x > now()) ? rec : undefined;
  };
  const write = (file: string, rec: FileRecord, durable: boolean) => writeAtomic(dirs.tmp, file, rec, durable);
  // Expired entries found while listing are removed (under the key's lock, re-checked) so the directory stays small.
  const prune = (key: string) =>
    locked(key, "prune", async (file) => {
      const rec = await readRecord(file);
      if (rec && rec.x !== null && rec.x <= now()) await removeFile(file);
    });

  return {
    kind: "file",
    get: (key) => guard("get", async () => (await readLive(fileOf(key)))?.v),
    set: async (key, value, setOpts: SetOptions = {}) => {
      const ttl = checkTtl(setOpts.ttlMs);
      return locked(key, "set", (file) => write(file, { k: key, v: value, x: ttl ? now() + ttl : null }, true));
    },
    delete: (key) => locked(key, "delete", async (file) => (await readLive(file)) !== undefined && removeFile(file)),
    increment: async (key, ttlMs): Promise<Counter> => {
      const ttl = checkTtl(ttlMs) as number;
      return locked(key, "increment", async (file) => {
        const rec = await readLive(file);
        const next: FileRecord = rec ? { ...rec, v: String(Number(rec.v) + 1) } : { k: key, v: "1", x: now() + ttl };
        await write(file, next, false);
        return { count: Number(next.v), ttlMs: Math.max(0, (next.x ?? now()) - now()) };
      });
    },
    list: (prefix) => guard("list", () => listLive(dirs.data, prefix, readRecord, now, prune)),
    take: (key) =>
      locked(key, "take", async (file) => {
        const rec = await readLive(file);
        if (rec) await removeFile(file);
        return rec?.v;
      }),
    compareAndDelete: (key, expected) =>
      locked(key, "compareAndDelete", async (file) => {
        const rec = await readLive(file);
        return rec?.v === expected && removeFile(file);
      }),
    close: async () => undefined,
  };
}

function ignoreExists(err: NodeJS.ErrnoException): void {
  if (err.code !== "EEXIST") throw err;
}

async function guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw storeFailure("file", op, err);
  }
}

/** Creates the directory private to the user (0700); tightens an existing one that is group/world accessible. */
async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await stat(dir);
  if ((info.mode & 0o077) !== 0) await chmod(dir, 0o700);
}

async function readRecord(file: string): Promise<FileRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  // A corrupt entry is an error, not an absence: absence would read as "not revoked" (fail open).
  const rec = JSON.parse(text) as FileRecord;
  if (typeof rec.k !== "string" || typeof rec.v !== "string" || (rec.x !== null && typeof rec.x !== "number")) {
    throw new Error(`corrupt entry ${file}`);
  }
  return rec;
}

async function writeAtomic(tmpDir: string, file: string, rec: FileRecord, durable: boolean): Promise<void> {
  const tmp = join(tmpDir, `${randomBytes(8).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(JSON.stringify(rec));
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

async function removeFile(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

async function listLive(
  dataDir: string,
  prefix: string,
  read: (file: string) => Promise<FileRecord | undefined>,
  now: () => number,
  prune: (key: string) => Promise<void>,
): Promise<StoreEntry[]> {
  const out: StoreEntry[] = [];
  for (const name of await readdir(dataDir)) {
    const known = keyFromFileName(name);
    if (known !== undefined && !known.startsWith(prefix)) continue;
    const rec = await read(join(dataDir, name));
    if (!rec?.k.startsWith(prefix) || !(isHashedName(name) || rec.k === known)) continue;
    if (rec.x === null || rec.x > now()) out.push({ key: rec.k, value: rec.v });
    else await prune(rec.k);
  }
  return out;
}
