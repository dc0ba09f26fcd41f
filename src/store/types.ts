// The state-store contract shared by the CLI and the gateway: revocations, token registry, approvals, rate counters.
// Every method either answers or throws (ERR_STORE_UNAVAILABLE); a failure is never reported as "not found",
// because callers such as revocation checks must fail closed (DESIGN.md "Known pitfalls", ContextForge).

export interface StoreEntry {
  key: string;
  value: string;
}

export interface Counter {
  /** Value after this increment (1 for the first increment of a window). */
  count: number;
  /** Milliseconds until the counter expires and the window restarts. */
  ttlMs: number;
}

export interface SetOptions {
  /** Time to live in milliseconds; omitted means the entry does not expire. */
  ttlMs?: number | undefined;
}

export interface WardenStore {
  /** "memory", "file" or "redis". */
  readonly kind: string;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, opts?: SetOptions): Promise<void>;
  /** Resolves true when an entry was removed. */
  delete(key: string): Promise<boolean>;
  /**
   * Atomic increment for fixed-window rate counters: the first increment creates the entry with `ttlMs`;
   * later increments keep the original expiry.
   */
  increment(key: string, ttlMs: number): Promise<Counter>;
  /** Live entries whose key starts with `prefix` (exact, case-sensitive), in no particular order. */
  list(prefix: string): Promise<StoreEntry[]>;
  /** Atomic get-and-delete: of concurrent callers, at most one receives the value (single-use approvals). */
  take(key: string): Promise<string | undefined>;
  /** Atomically deletes the entry only when its value equals `expected`; resolves true when it did. */
  compareAndDelete(key: string, expected: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Keys are printable ASCII without spaces, at most this long, so every backend stores them the same way. */
export const MAX_KEY_LENGTH = 200;
