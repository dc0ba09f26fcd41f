// Follows a growing audit file (`audit tail --follow`): polls its size and emits each new complete line.
import { open, stat } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { setTimeout as sleep } from "node:timers/promises";

/** Bytes read per poll: a burst larger than this is read over several polls. */
const MAX_READ = 1024 * 1024;

export interface FollowOptions {
  /** Byte offset to start from (usually the file size when the tail was printed). */
  from: number;
  signal: AbortSignal;
  intervalMs?: number;
}

/** Calls `onLine` for every line appended after `from` until `signal` aborts. A truncated file restarts at 0. */
export async function followFile(file: string, onLine: (line: string) => void, opts: FollowOptions): Promise<void> {
  let offset = opts.from;
  let decoder = new StringDecoder("utf8");
  let carry = "";
  while (!opts.signal.aborted) {
    try {
      await sleep(opts.intervalMs ?? 250, undefined, { signal: opts.signal });
    } catch {
      return; // aborted
    }
    const size = await stat(file).then(
      (s) => s.size,
      () => offset,
    );
    if (size < offset) {
      offset = 0;
      carry = "";
      decoder = new StringDecoder("utf8");
    }
    if (size === offset) continue;
    const length = Math.min(size - offset, MAX_READ);
    const buf = Buffer.alloc(length);
    const fd = await open(file, "r");
    try {
      await fd.read(buf, 0, length, offset);
    } finally {
      await fd.close();
    }
    offset += length;
    const parts = (carry + decoder.write(buf)).split("\n");
    carry = parts.pop() ?? "";
    for (const line of parts) onLine(line);
  }
}
