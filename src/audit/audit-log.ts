// The audit file sink: one hash-chained JSON line per event (DESIGN.md "Audit event"), our own writer, not a logger.
//
// Durability: group commit. Appends queue up; one write + fdatasync(2) covers every event queued while the previous
// write was in flight, and append() resolves only after its bytes are on disk. fdatasync, not fsync: the file size
// is data for this purpose and mtime is not worth a second journal flush. `sync: false` skips it (tests, benchmarks).
// One writer per file: two processes appending to the same file would fork the chain (verify reports it).
import { ftruncateSync, writeSync } from "node:fs";
import { type FileHandle, mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { OperatorError } from "../errors.ts";
import { type AuditFields, type DraftEvent, toEvent } from "./audit-fields.ts";
import { GENESIS_HASH, HASH_PATTERN, sha256Hex } from "./chain.ts";
import { eventText } from "./event-text.ts";
import { argsFingerprint, fingerprintKey } from "./fingerprint.ts";
import { parseLine } from "./line.ts";
import { readTailOf } from "./tail-read.ts";

export interface AuditLogOptions {
  file: string;
  hmacKey: string | Buffer;
  /** Recorded for the caller's decision (refuse unauditable calls); the sink itself always rejects on failure. */
  failClosed: boolean;
  environment: string;
  /** fdatasync after each group write (default true). */
  sync?: boolean;
}

export interface AuditLog {
  readonly failClosed: boolean;
  /** Resolves once the event is written (and synced); rejects with OperatorError ERR_AUDIT_UNAVAILABLE otherwise. */
  append(fields: AuditFields): Promise<void>;
  /** Opens the file and resumes the chain now, so start-up fails early when the log is unusable. */
  ready(): Promise<void>;
  /** The fingerprint append() would compute for these arguments. */
  fingerprint(args: unknown): string;
  /** Waits for queued events, then closes the file. Later appends reject. */
  close(): Promise<void>;
}

interface Pending {
  event: DraftEvent;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** How long an event written with durability `write` may wait for its fdatasync. */
const SYNC_INTERVAL_MS = 1000;

/** Events per write: bounds one write's size while the queue is long. */
const MAX_BATCH = 512;

function unavailable(why: string, cause?: unknown): OperatorError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new OperatorError("ERR_AUDIT_UNAVAILABLE", `audit log unavailable: ${why}${code ? ` (${code})` : ""}`, {
    cause,
  });
}

export type { AuditFields };

export function createAuditLog(options: AuditLogOptions): AuditLog {
  const state = { seq: 0, prev: GENESIS_HASH, size: 0 };
  const pending: Pending[] = [];
  let fd: FileHandle | undefined;
  let opening: Promise<FileHandle> | undefined;
  let draining: Promise<void> | undefined;
  let closed = false;
  // A call's start and end events fingerprint the same arguments object: computed once (HMAC over canonical JSON).
  const fingerprints = new WeakMap<object, string>();
  const hmacKey = fingerprintKey(options.hmacKey);
  const fingerprintOf = (args: unknown): string => {
    if (args === null || typeof args !== "object") return argsFingerprint(hmacKey, args);
    let fp = fingerprints.get(args);
    if (fp === undefined) {
      fp = argsFingerprint(hmacKey, args);
      fingerprints.set(args, fp);
    }
    return fp;
  };

  async function openAndResume(): Promise<FileHandle> {
    try {
      await mkdir(dirname(options.file), { recursive: true, mode: 0o700 });
      const handle = await open(options.file, "a+", 0o600);
      const { size } = await handle.stat();
      const resumed = await resume(handle, size).catch(async (err: unknown) => {
        await handle.close();
        throw err;
      });
      Object.assign(state, resumed, { size });
      return handle;
    } catch (err) {
      throw err instanceof OperatorError ? err : unavailable(`cannot open ${options.file}`, err);
    }
  }

  async function resume(handle: FileHandle, size: number): Promise<{ seq: number; prev: string }> {
    if (size === 0) return { seq: 0, prev: GENESIS_HASH };
    const tail = await readTailOf(handle, size, 1);
    const last = tail.lines[0];
    if (!tail.endsWithNewline || last === undefined) {
      throw unavailable(`${options.file} ends with an incomplete line; run mcp-warden audit verify`);
    }
    const parsed = parseLine(last);
    if (!parsed || !Number.isSafeInteger(parsed.seq) || !HASH_PATTERN.test(String(parsed.hash))) {
      throw unavailable(`the last line of ${options.file} is not an audit event; run mcp-warden audit verify`);
    }
    return { seq: parsed.seq as number, prev: parsed.hash as string };
  }

  function handle(): Promise<FileHandle> {
    if (fd) return Promise.resolve(fd);
    // A failed open is retried by the next batch (the disk may come back).
    opening ??= openAndResume().then(
      (h) => {
        fd = h;
        return h;
      },
      (err: unknown) => {
        opening = undefined;
        throw err;
      },
    );
    return opening;
  }

  /** Chains the events onto the log's tail: their lines, and the state after them (applied once written). */
  function chainLines(batch: readonly Pending[]): { text: string; seq: number; prev: string } {
    let { seq, prev } = state;
    let text = "";
    for (const { event } of batch) {
      seq += 1;
      const texts = eventText(event, seq, prev);
      prev = sha256Hex(texts.canonical);
      text += `${texts.line(prev)}\n`;
    }
    return { text, seq, prev };
  }

  async function writeBatch(batch: Pending[]): Promise<void> {
    const h = await handle();
    const { text, seq, prev } = chainLines(batch);
    const bytes = Buffer.from(text, "utf8");
    try {
      let written = 0;
      while (written < bytes.length) {
        written += (await h.write(bytes, written, bytes.length - written, null)).bytesWritten;
      }
      if (options.sync !== false) await h.datasync();
      else scheduleSync();
    } catch (err) {
      // Cut off a partial write so the file keeps ending on a complete line and the chain stays resumable.
      await h.truncate(state.size).catch(() => undefined);
      throw unavailable(`cannot write ${options.file}`, err);
    }
    Object.assign(state, { seq, prev, size: state.size + bytes.length });
  }

  // Durability `write`: events are in the OS once append() resolves; the file is flushed to disk at most
  // SYNC_INTERVAL_MS later (like auditd's incremental_async flush) and at close. A failed flush fails later appends.
  let syncTimer: NodeJS.Timeout | undefined;
  let syncError: OperatorError | undefined;
  function scheduleSync(): void {
    if (syncTimer) return;
    syncTimer = setTimeout(() => {
      syncTimer = undefined;
      fd?.datasync().catch((err: unknown) => {
        syncError = unavailable(`cannot flush ${options.file}`, err);
      });
    }, SYNC_INTERVAL_MS);
    syncTimer.unref();
  }

  // Durability `write`, file open, nothing queued: the events appended in one tick (every request of one input
  // chunk, every answer of one upstream chunk) go out in ONE synchronous write(2) when the microtask queue runs, and
  // their appends resolve after it, so a start event is still written before its call is forwarded. A page-cache
  // write costs microseconds, while a thread-pool round trip costs a tenth of a millisecond or more on a loaded
  // machine; measured with bench/gateway.ts, one write per event was the largest single cost of an audited call.
  const tick: Pending[] = [];

  function appendInTick(event: Pending["event"]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (tick.push({ event, resolve, reject }) === 1) queueMicrotask(flushTick);
    });
  }

  function flushTick(): void {
    const batch = tick.splice(0);
    if (!fd || draining) {
      pending.push(...batch);
      draining ??= drain();
      return;
    }
    try {
      writeNow(fd, batch);
    } catch (err) {
      for (const p of batch) p.reject(err as Error);
      return;
    }
    for (const p of batch) p.resolve();
  }

  function writeNow(h: FileHandle, batch: readonly Pending[]): void {
    const { text, seq, prev } = chainLines(batch);
    const length = Buffer.byteLength(text, "utf8");
    try {
      // The string is written as is (no Buffer built for it). A regular file takes the whole write unless the disk or
      // a quota is full; a short write is then treated like the error the next write would raise.
      const written = writeSync(h.fd, text, null, "utf8");
      if (written !== length) throw Object.assign(new Error("short write"), { code: "ENOSPC" });
    } catch (err) {
      try {
        ftruncateSync(h.fd, state.size);
      } catch {
        // the next resume refuses a torn last line anyway
      }
      throw unavailable(`cannot write ${options.file}`, err);
    }
    Object.assign(state, { seq, prev, size: state.size + length });
    scheduleSync();
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.splice(0, MAX_BATCH);
      try {
        await writeBatch(batch);
        for (const p of batch) p.resolve();
      } catch (err) {
        const error = err instanceof OperatorError ? err : unavailable("write failed", err);
        for (const p of batch) p.reject(error);
      }
    }
    draining = undefined;
  }

  return {
    failClosed: options.failClosed,
    append(fields) {
      if (closed) return Promise.reject(unavailable("the audit log is closed"));
      if (syncError) return Promise.reject(syncError);
      const event = toEvent(fields, options.environment, fingerprintOf);
      if (options.sync === false && fd && !draining) return appendInTick(event);
      return new Promise<void>((resolve, reject) => {
        pending.push({ event, resolve, reject });
        draining ??= drain();
      });
    },
    async ready() {
      await handle();
    },
    fingerprint: fingerprintOf,
    async close() {
      closed = true;
      await draining;
      await opening?.catch(() => undefined);
      const h = fd;
      fd = undefined;
      if (syncTimer) clearTimeout(syncTimer);
      await h?.datasync().catch(() => undefined);
      await h?.close();
    },
  };
}
