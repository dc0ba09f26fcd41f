// Writes newline-framed messages to a stream, coalescing the ones written in the same tick into few write(2)s.
// Several answers often become ready together (one input chunk carries several requests, or several audit writes
// settle at once); on a pipe each stream.write is a syscall. The first frame of a tick goes out at once (the session
// writes its audit end event right after answering, so deferring the answer would add that to the latency); the
// frames after it in the same tick are corked and leave in one writev(2) when the microtask queue drains.
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
  let state: "idle" | "wrote" | "corked" = "idle";
  const endOfTick = () => {
    if (state === "corked") uncork();
    state = "idle";
  };
  return (text) => {
    if (state === "idle") {
      state = "wrote";
      queueMicrotask(endOfTick);
    } else if (state === "wrote") {
      state = "corked";
      cork();
    }
    stream.write(`${text}\n`);
  };
}
