// Rate counters behind one small interface, so the in-process counter can be swapped for a shared store
// (src/store/, Redis for replicas) without touching the rate-limit guard.
// Algorithm: sliding-window counter — the previous fixed window's count, weighted by how much of it still
// overlaps the sliding window, plus the current window's count. O(1) memory per key, no per-hit timestamps.

export interface RateBucket {
  /** Opaque, stable key (rule + subject). */
  key: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until a call would be allowed again (at least 1 ms). */
  retryAfterMs: number;
}

export interface RateCounter {
  /**
   * All-or-nothing: when every bucket has room, counts one hit in each and allows; otherwise counts nothing
   * (a refused call does not eat quota) and reports the longest wait.
   */
  consume(buckets: readonly RateBucket[], now: number): RateDecision | Promise<RateDecision>;
}

const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterMs: 0 });

interface Window {
  start: number;
  count: number;
  previous: number;
}

/** In-memory counter for one process. Keys idle for two windows are swept; at most `maxKeys` are kept. */
export function createMemoryRateCounter(opts: { maxKeys?: number } = {}): RateCounter & { readonly size: number } {
  const maxKeys = opts.maxKeys ?? 100_000;
  const windows = new Map<string, Window & { windowMs: number }>();

  function current(b: RateBucket, now: number): Window {
    const start = now - (now % b.windowMs);
    let w = windows.get(b.key);
    if (w === undefined || w.windowMs !== b.windowMs) {
      if (windows.size >= maxKeys) sweep(now);
      w = { start, count: 0, previous: 0, windowMs: b.windowMs };
      windows.set(b.key, w);
    } else if (w.start !== start) {
      w.previous = w.start === start - b.windowMs ? w.count : 0;
      w.start = start;
      w.count = 0;
    }
    return w;
  }

  function sweep(now: number): void {
    for (const [key, w] of windows) if (w.start + 2 * w.windowMs <= now) windows.delete(key);
    // Still full: drop the oldest-inserted keys (Map order), which are the least likely to be active.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    consume(buckets, now) {
      const ws: Window[] = [];
      let retryAfterMs = 0;
      for (const b of buckets) {
        const w = current(b, now);
        ws.push(w);
        retryAfterMs = Math.max(retryAfterMs, waitFor(b, w, now));
      }
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
      for (const w of ws) w.count++;
      return ALLOWED;
    },
    get size() {
      return windows.size;
    },
  };
}

/** 0 when one more hit fits; otherwise the ms until the weighted count leaves room for it. */
function waitFor(b: RateBucket, w: Window, now: number): number {
  const elapsed = now - w.start;
  const weight = (b.windowMs - elapsed) / b.windowMs;
  if (w.previous * weight + w.count + 1 <= b.limit) return 0;
  const untilWindowEnd = b.windowMs - elapsed;
  if (w.count + 1 > b.limit || w.previous === 0) return Math.max(1, untilWindowEnd);
  // Solve previous * (windowMs - t) / windowMs + count + 1 <= limit for the elapsed time t.
  const t = b.windowMs * (1 - (b.limit - w.count - 1) / w.previous);
  return Math.max(1, Math.min(untilWindowEnd, Math.ceil(t - elapsed)));
}
