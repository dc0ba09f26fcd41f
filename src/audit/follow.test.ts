// Tests for following a growing audit file: new complete lines arrive in order; a torn line waits for its end.
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { followFile } from "./follow.ts";
import { formatAuditLine } from "./format.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-follow-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("emits appended lines, joins a line written in two parts, stops on abort", async () => {
  const file = join(dir, "f.jsonl");
  writeFileSync(file, "old\n");
  const seen: string[] = [];
  const stop = new AbortController();
  const done = followFile(file, (l) => seen.push(l), { from: 4, signal: stop.signal, intervalMs: 10 });
  appendFileSync(file, "one\ntw");
  await sleep(60);
  appendFileSync(file, "o\n");
  for (let i = 0; i < 100 && seen.length < 2; i++) await sleep(10);
  stop.abort();
  await done;
  assert.deepEqual(seen, ["one", "two"]);
});

test("formatAuditLine never throws and neutralises terminal control characters", () => {
  assert.match(formatAuditLine("not json"), /unparsable/);
  const line = formatAuditLine(JSON.stringify({ ts: "t", decision: "allow", method: "x\u001b[2J", outcome: "ok" }));
  assert.ok(!line.includes("\u001b[2J"));
});
