// Tests for the stdio line splitter: chunk boundaries, CRLF, and oversized lines that must never be buffered whole.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createLineSplitter, type OversizeInfo } from "./frame.ts";

function collect(max: number) {
  const lines: string[] = [];
  const over: OversizeInfo[] = [];
  const splitter = createLineSplitter({
    maxLineBytes: max,
    onLine: (l) => lines.push(l),
    onOversize: (i) => over.push(i),
  });
  return { splitter, lines, over };
}

test("splits lines across arbitrary chunk boundaries", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes("\n") && !s.endsWith("\r"))),
      fc.integer({ min: 1, max: 17 }),
      (msgs, size) => {
        const { splitter, lines } = collect(1000);
        const all = Buffer.from(msgs.map((m) => `${m}\n`).join(""));
        for (let i = 0; i < all.length; i += size) splitter.push(all.subarray(i, i + size));
        assert.deepEqual(lines, msgs);
      },
    ),
  );
});

test("strips a trailing CR and skips empty lines", () => {
  const { splitter, lines } = collect(100);
  splitter.push(Buffer.from('{"a":1}\r\n\n{"b":2}\n'));
  assert.deepEqual(lines, ['{"a":1}', '{"b":2}']);
});

test("drops an oversized line, reports its size with head and tail, and keeps going", () => {
  const { splitter, lines, over } = collect(50);
  const big = `{"id":7,"x":"${"a".repeat(20000)}","end":"tailmark"}`;
  for (let i = 0; i < big.length; i += 1000) splitter.push(Buffer.from(big.slice(i, i + 1000)));
  splitter.push(Buffer.from('\n{"ok":true}\n'));
  assert.equal(over.length, 1);
  assert.equal(over[0]!.bytes, Buffer.byteLength(big));
  assert.ok(over[0]!.head.startsWith('{"id":7'));
  assert.ok(over[0]!.tail.endsWith('"tailmark"}'));
  assert.deepEqual(lines, ['{"ok":true}']);
});

test("lines longer than the reused assembly buffer, multi-byte characters split across chunks", () => {
  const { splitter, lines } = collect(4 * 1024 * 1024);
  const long = `{"t":"${"é€𝄞x".repeat(60_000)}"}`;
  const short = '{"id":1}';
  const all = Buffer.from(`${long}\n${short}\n${long}\n`);
  for (const size of [1023, 65_536, 7]) {
    lines.length = 0;
    for (let i = 0; i < all.length; i += size) splitter.push(all.subarray(i, i + size));
    assert.deepEqual(lines, [long, short, long]);
  }
});

test("the caller may reuse its chunk's memory right after push", () => {
  const { splitter, lines } = collect(1000);
  const reused = Buffer.alloc(8);
  const text = Buffer.from('{"a":"bcdefgh"}\n{"z":1}\n');
  for (let i = 0; i < text.length; i += 8) {
    const n = text.copy(reused, 0, i, i + 8);
    splitter.push(reused.subarray(0, n));
    reused.fill(0x21);
  }
  assert.deepEqual(lines, ['{"a":"bcdefgh"}', '{"z":1}']);
});
