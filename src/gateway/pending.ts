// In-flight request tables. Duplicate in-flight ids are refused (typescript-sdk#1186: they mis-route responses).

export class PendingTable<T> {
  private readonly entries = new Map<string, { value: T; timer: NodeJS.Timeout | undefined }>();

  /** JSON-RPC ids 1 and "1" are different requests; the key keeps the type. */
  static key(id: string | number): string {
    return typeof id === "number" ? `n:${id}` : `s:${id}`;
  }

  has(id: string | number): boolean {
    return this.entries.has(PendingTable.key(id));
  }

  get size(): number {
    return this.entries.size;
  }

  add(id: string | number, value: T, timeoutMs?: number, onTimeout?: (value: T) => void): void {
    const key = PendingTable.key(id);
    const timer =
      timeoutMs !== undefined && onTimeout
        ? setTimeout(() => {
            this.entries.delete(key);
            onTimeout(value);
          }, timeoutMs)
        : undefined;
    timer?.unref();
    this.entries.set(key, { value, timer });
  }

  take(id: string | number): T | undefined {
    const key = PendingTable.key(id);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(key);
    return entry.value;
  }

  /** Removes and returns every entry (upstream died, session closed). */
  drain(): T[] {
    const values = [...this.entries.values()];
    for (const entry of values) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    return values.map((e) => e.value);
  }
}
