// Tests for the coalescing line writer: frames keep their order and content; one tick's frames share few writes.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { createLineWriter } from "./line-writer.ts";

function recordingStream() {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      writes.push(chunk.toString());
      cb();
    },
    writev(chunks, cb) {
      writes.push(chunks.map((c) => String(c.chunk)).join(""));
      cb();
    },
  });
  return { stream, writes };
}

test("frames written in one tick arrive in order, newline-terminated, in at most two writes", async () => {
  const { stream, writes } = recordingStream();
  const write = createLineWriter(stream);
  for (let i = 0; i < 10; i++) write(`{"id":${i}}`);
  await new Promise((r) => setImmediate(r));
  assert.ok(writes.length <= 2, `expected coalesced writes, got ${writes.length}`);
  const expected = Array.from({ length: 10 }, (_, i) => `{"id":${i}}\n`).join("");
  assert.equal(writes.join(""), expected);
});

test("the first frame of a tick is written at once, not deferred", () => {
  const { stream, writes } = recordingStream();
  const write = createLineWriter(stream);
  write("a");
  assert.deepEqual(writes, ["a\n"]);
});

test("frames of later ticks are written too", async () => {
  const { stream, writes } = recordingStream();
  const write = createLineWriter(stream);
  write("a");
  write("b");
  await new Promise((r) => setImmediate(r));
  write("c");
  await new Promise((r) => setImmediate(r));
  assert.equal(writes.join(""), "a\nb\nc\n");
});

test("a stream without cork gets plain writes", () => {
  const chunks: string[] = [];
  const plain = { write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WritableStream;
  const write = createLineWriter(plain);
  write("x");
  write("y");
  assert.deepEqual(chunks, ["x\n", "y\n"]);
});
