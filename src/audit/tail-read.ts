// Reads the last lines of a file from its end, a chunk at a time, so resuming a long audit log costs O(tail).
import { type FileHandle, open } from "node:fs/promises";

const CHUNK = 64 * 1024;
/** The tail read never goes further back than this (a single audit line is far smaller). */
export const MAX_TAIL_BYTES = 16 * 1024 * 1024;

export interface Tail {
  /** Complete lines (without "\n"), oldest first. */
  lines: string[];
  /** False when the file does not end with "\n": its last line is incomplete (a torn write). */
  endsWithNewline: boolean;
  /** Bytes after the last "\n" (an incomplete last line); 0 when the file ends with "\n". */
  incompleteBytes: number;
  size: number;
}

/** The last `count` complete lines of an open file of `size` bytes. */
export async function readTailOf(fd: FileHandle, size: number, count: number): Promise<Tail> {
  let start = size;
  let bytes = Buffer.alloc(0);
  while (start > 0 && size - start < MAX_TAIL_BYTES) {
    const length = Math.min(CHUNK, start);
    start -= length;
    const chunk = Buffer.alloc(length);
    await fd.read(chunk, 0, length, start);
    bytes = Buffer.concat([chunk, bytes]);
    // Count newlines on bytes: a multi-byte character may straddle the chunk boundary.
    if (countNewlines(bytes) > count) break;
  }
  const text = bytes.toString("utf8");
  const endsWithNewline = text.endsWith("\n");
  const parts = text.split("\n");
  parts.pop(); // the text after the last "\n": empty, or an incomplete line
  if (start > 0) parts.shift(); // the first part may be the end of a line that started before `start`
  const incompleteBytes = bytes.length - (bytes.lastIndexOf(10) + 1);
  return { lines: parts.slice(-count), endsWithNewline: size === 0 || endsWithNewline, incompleteBytes, size };
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n += 1;
  return n;
}

/** The last `count` complete lines of `file`. */
export async function readTail(file: string, count: number): Promise<Tail> {
  const fd = await open(file, "r");
  try {
    const { size } = await fd.stat();
    return await readTailOf(fd, size, count);
  } finally {
    await fd.close();
  }
}
