// Newline-delimited JSON framing for the stdio transport (MCP "Transports" › stdio: one message per line, no embedded
// newlines). Written here rather than taken from the SDK because the gateway must see raw bytes (forward them unchanged)
// and must bound a line's length before buffering it (an unbounded readline is a memory DoS).

const EDGE_BYTES = 4096;

export interface OversizeInfo {
  bytes: number;
  /** The first and last few KiB of the dropped line, so the caller can recover the JSON-RPC id and answer it. */
  head: string;
  tail: string;
}

export interface LineSplitterOptions {
  /** Longest accepted line in bytes; longer lines are dropped (never buffered whole) and reported through onOversize. */
  maxLineBytes: number;
  onLine(line: string, bytes: number): void;
  onOversize(info: OversizeInfo): void;
}

export interface LineSplitter {
  push(chunk: Buffer): void;
}

export function createLineSplitter(opts: LineSplitterOptions): LineSplitter {
  let parts: Buffer[] = [];
  let pending = 0;
  let drop: { bytes: number; head: Buffer; tail: Buffer } | undefined;

  const emit = (buf: Buffer) => {
    // Tolerate CRLF line endings from peers on Windows.
    const end = buf.length > 0 && buf[buf.length - 1] === 0x0d ? buf.length - 1 : buf.length;
    if (end > 0) opts.onLine(buf.toString("utf8", 0, end), end);
  };
  const startDropping = (rest: Buffer) => {
    const buffered = Buffer.concat([...parts, rest]);
    drop = { bytes: buffered.length, head: buffered.subarray(0, EDGE_BYTES), tail: buffered.subarray(-EDGE_BYTES) };
    parts = [];
    pending = 0;
  };
  const keepDropping = (piece: Buffer) => {
    if (!drop) return;
    drop.bytes += piece.length;
    drop.tail = Buffer.concat([drop.tail, piece]).subarray(-EDGE_BYTES);
  };
  const finishDropping = () => {
    if (!drop) return;
    opts.onOversize({ bytes: drop.bytes, head: drop.head.toString("utf8"), tail: drop.tail.toString("utf8") });
    drop = undefined;
  };

  return {
    push(chunk: Buffer) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, nl);
        if (drop) {
          keepDropping(piece);
          finishDropping();
        } else if (pending + piece.length > opts.maxLineBytes) {
          startDropping(piece);
          finishDropping();
        } else if (pending === 0) {
          emit(piece);
        } else {
          parts.push(piece);
          emit(Buffer.concat(parts, pending + piece.length));
          parts = [];
          pending = 0;
        }
        start = nl + 1;
      }
      if (start >= chunk.length) return;
      const rest = chunk.subarray(start);
      if (drop) keepDropping(rest);
      else if (pending + rest.length > opts.maxLineBytes) startDropping(rest);
      else {
        // Copy: the caller may reuse the chunk's memory. Buffer.from(buffer) copies through the generic array-like
        // path (~250 µs per 64 KiB result in a --cpu-prof of the gateway); allocUnsafe + copy is one memcpy.
        const copy = Buffer.allocUnsafe(rest.length);
        rest.copy(copy);
        parts.push(copy);
        pending += rest.length;
      }
    },
  };
}
