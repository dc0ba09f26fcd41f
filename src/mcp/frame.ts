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

/** A partial line is assembled in one reused buffer of this size, grown for longer lines (see assembly below). */
const SCRATCH_BYTES = 128 * 1024;

export function createLineSplitter(opts: LineSplitterOptions): LineSplitter {
  // Bytes of the line in progress live in `scratch[0, pending)`: copied there as they arrive (the caller may reuse
  // its chunk's memory) into memory that is reused line after line. Fresh buffers per line (a copy of each partial
  // chunk, then Buffer.concat) cost ~300 µs per 64 KiB result in a --cpu-prof of the gateway, nearly all page faults
  // on newly mapped memory; copying into warm memory costs a few µs.
  // Allocated on the first partial line: a gateway holds one splitter per upstream link, most never need it.
  let scratch = Buffer.alloc(0);
  let pending = 0;
  let drop: { bytes: number; head: Buffer; tail: Buffer } | undefined;

  const emit = (buf: Buffer, length: number) => {
    // Tolerate CRLF line endings from peers on Windows.
    const end = length > 0 && buf[length - 1] === 0x0d ? length - 1 : length;
    if (end > 0) opts.onLine(buf.toString("utf8", 0, end), end);
  };
  const append = (piece: Buffer) => {
    const needed = pending + piece.length;
    if (needed > scratch.length) {
      const size = Math.max(needed, SCRATCH_BYTES, scratch.length * 2);
      const grown = Buffer.allocUnsafeSlow(Math.min(opts.maxLineBytes, size));
      scratch.copy(grown, 0, 0, pending);
      scratch = grown;
    }
    piece.copy(scratch, pending);
    pending = needed;
  };
  const lineDone = () => {
    pending = 0;
    // A rare huge line must not pin its buffer for the rest of the session.
    if (scratch.length > 8 * SCRATCH_BYTES) scratch = Buffer.alloc(0);
  };
  const startDropping = (rest: Buffer) => {
    const buffered = Buffer.concat([scratch.subarray(0, pending), rest]);
    drop = { bytes: buffered.length, head: buffered.subarray(0, EDGE_BYTES), tail: buffered.subarray(-EDGE_BYTES) };
    lineDone();
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
          emit(piece, piece.length);
        } else {
          append(piece);
          emit(scratch, pending);
          lineDone();
        }
        start = nl + 1;
      }
      if (start >= chunk.length) return;
      const rest = chunk.subarray(start);
      if (drop) keepDropping(rest);
      else if (pending + rest.length > opts.maxLineBytes) startDropping(rest);
      else append(rest);
    },
  };
}
