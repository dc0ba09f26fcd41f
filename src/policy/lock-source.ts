// The gateway's view of warden.lock: read at start (so a broken lock is a start-up error), re-read when the file
// changes on disk, so `mcp-warden pin` takes effect without a restart ("quarantined until re-pinned").
import { statSync } from "node:fs";
import { type Lockfile, readLockfile } from "./lockfile.ts";

export type LockSource = () => Lockfile;

/** The file is stat'ed at most this often: the lock is consulted several times per call (measured: a stat per look-up
 * cost ~5% of the gateway's CPU in bench/gateway.ts). A re-pin takes effect within this delay. */
const RECHECK_MS = 500;

export function createLockSource(file: string, recheckMs = RECHECK_MS): LockSource {
  let stamp = stampOf(file);
  let lock = readLockfile(file);
  let checkedAt = performance.now();
  return () => {
    const t = performance.now();
    if (t - checkedAt < recheckMs) return lock;
    checkedAt = t;
    const now = stampOf(file);
    if (now === stamp) return lock;
    try {
      lock = readLockfile(file);
      stamp = now;
    } catch {
      // `pin` writes through a rename, so a half-written lock is not expected; a lock broken by hand keeps the last
      // good one in force rather than unpinning everything mid-session.
    }
    return lock;
  };
}

function stampOf(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.mtimeNs}:${s.size}:${s.ino}`;
  } catch {
    return "absent";
  }
}
