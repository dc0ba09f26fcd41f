// Writes newline-framed messages to a stream, coalescing the ones written in the same tick into one write(2).
// Several answers often become ready together (one input chunk carries several requests, or several audit writes
// settle at once); on a pipe each stream.write is a syscall, so corking until the microtask queue drains turns N
// syscalls into one writev(2) without delaying any frame past the current tick.
import type { Writable } from "node:stream";

export type LineWriter = (text: string) => void;

export function createLineWriter(stream: NodeJS.WritableStream | Writable): LineWriter {
  const corkable = stream as Partial<Pick<Writable, "cork" | "uncork">>;
  if (typeof corkable.cork !== "function" || typeof corkable.uncork !== "function") {
    return (text) => {
      stream.write(`${text}\n`);
    };
  }
  const cork = corkable.cork.bind(stream);
  const uncork = corkable.uncork.bind(stream);
  let corked = false;
  const flush = () => {
    corked = false;
    uncork();
  };
  return (text) => {
    if (!corked) {
      corked = true;
      cork();
      queueMicrotask(flush);
    }
    stream.write(`${text}\n`);
  };
}
