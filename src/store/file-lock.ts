// Cross-process mutual exclusion for the file store: an O_EXCL lock file per key, plus an in-process queue so
// one process does not poll against itself. Readers never lock: writes land by rename(2), which is atomic.
import { open, stat, unlink } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

export interface LockOptions {
  /** Give up (and throw) after this long; the caller reports the store as unavailable. */
  timeoutMs: number;
  /** A lock file older than this belongs to a crashed holder and is removed. Holders keep a lock for microseconds. */
  staleMs: number;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` while holding the lock file at `path`. */
export async function withFileLock<T>(path: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => lockedRun(path, opts, fn));
  const tail = run.catch(() => undefined);
  queues.set(path, tail);
  try {
    return await run;
  } finally {
    if (queues.get(path) === tail) queues.delete(path);
  }
}

async function lockedRun<T>(path: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  await acquire(path, opts);
  try {
    return await fn();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

async function acquire(path: string, opts: LockOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let delay = 2;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    await removeIfStale(path, opts.staleMs);
    if (Date.now() >= deadline) throw new Error(`lock ${path} not acquired within ${opts.timeoutMs} ms`);
    await sleep(delay);
    delay = Math.min(delay * 2, 25);
  }
}

async function removeIfStale(path: string, staleMs: number): Promise<void> {
  try {
    const info = await stat(path);
    // Known narrow race: two waiters judging the same stale lock may both unlink; only after a holder crashed.
    if (Date.now() - info.mtimeMs > staleMs) await unlink(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
