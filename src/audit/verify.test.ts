// Tests for audit verification: intact logs pass; edited, deleted, reordered, inserted and torn lines are named.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createAuditLog } from "./audit-log.ts";
import { eventHash } from "./chain.ts";
import type { AuditEvent } from "./event.ts";
import { verifyAuditLog } from "./verify.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-verify-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const original = join(dir, "log.jsonl");
let lines: string[] = [];

before(async () => {
  const log = createAuditLog({ file: original, hmacKey: "fake-EXAMPLE", failClosed: true, environment: "dev" });
  for (let i = 0; i < 6; i++) {
    await log.append({ method: "tools/call", tool: `t${i}`, decision: "allow", outcome: "ok", args: { i } });
  }
  await log.close();
  lines = readFileSync(original, "utf8").trimEnd().split("\n");
});

function variant(name: string, edit: (l: string[]) => string[], tail = "\n"): string {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, edit([...lines]).join("\n") + tail);
  return file;
}

test("an intact log verifies and reports its head", async () => {
  const result = await verifyAuditLog(original);
  assert.ok(result.ok);
  assert.equal(result.lines, 6);
  assert.equal(result.head, (JSON.parse(lines[5] ?? "") as AuditEvent).hash);
});

test("an empty log verifies", async () => {
  writeFileSync(join(dir, "empty.jsonl"), "");
  assert.deepEqual(await verifyAuditLog(join(dir, "empty.jsonl")), { ok: true, lines: 0, head: "0".repeat(64) });
});

test("an edited line is named", async () => {
  const file = variant("edited", (l) => {
    l[2] = (l[2] ?? "").replace('"decision":"allow"', '"decision":"deny"');
    return l;
  });
  const r = await verifyAuditLog(file);
  assert.ok(!r.ok);
  assert.equal(r.line, 3);
  assert.equal(r.reason, "edited");
});

test("a deleted line is named at the line after the gap", async () => {
  const r = await verifyAuditLog(variant("deleted", (l) => l.filter((_, i) => i !== 3)));
  assert.ok(!r.ok);
  assert.equal(r.line, 4);
  assert.equal(r.reason, "deleted");
});

test("a deleted first line is detected", async () => {
  const r = await verifyAuditLog(variant("deleted-first", (l) => l.slice(1)));
  assert.ok(!r.ok);
  assert.equal(r.line, 1);
  assert.equal(r.reason, "deleted");
});

test("swapped lines are reported as reordered", async () => {
  const r = await verifyAuditLog(variant("reordered", (l) => [l[0], l[2], l[1], ...l.slice(3)] as string[]));
  assert.ok(!r.ok);
  assert.equal(r.line, 2);
  assert.equal(r.reason, "reordered");
});

test("a duplicated line is reported as inserted", async () => {
  const r = await verifyAuditLog(variant("dup", (l) => [...l.slice(0, 3), l[1], ...l.slice(3)] as string[]));
  assert.ok(!r.ok);
  assert.equal(r.line, 4);
  assert.equal(r.reason, "inserted");
});

test("a forged line with a valid own hash is caught at the next line", async () => {
  const forge = (l: string[]) => {
    const prev = JSON.parse(l[1] ?? "") as AuditEvent;
    const fake = { ...prev, seq: 3, tool: "forged", prev: prev.hash } as Omit<AuditEvent, "hash">;
    return [...l.slice(0, 2), JSON.stringify({ ...fake, hash: eventHash(fake) }), ...l.slice(2)];
  };
  const r = await verifyAuditLog(variant("forged", forge));
  assert.ok(!r.ok);
  assert.equal(r.line, 4);
  assert.equal(r.reason, "inserted");
});

test("a line with a recomputed hash but a wrong prev is reported as inserted", async () => {
  const replace = (l: string[]) => {
    const e = JSON.parse(l[2] ?? "") as AuditEvent;
    const fake = { ...e, tool: "swapped", prev: "f".repeat(64) } as Omit<AuditEvent, "hash">;
    l[2] = JSON.stringify({ ...fake, hash: eventHash(fake) });
    return l;
  };
  const r = await verifyAuditLog(variant("replaced", replace));
  assert.ok(!r.ok);
  assert.equal(r.line, 3);
  assert.equal(r.reason, "inserted");
});

test("a truncated (torn) last line is unparsable", async () => {
  const r = await verifyAuditLog(variant("torn", (l) => [...l.slice(0, 5), (l[5] ?? "").slice(0, 40)], ""));
  assert.ok(!r.ok);
  assert.equal(r.line, 6);
  assert.equal(r.reason, "unparsable");
});

test("a complete last line without its newline is flagged", async () => {
  const r = await verifyAuditLog(variant("nonewline", (l) => l, ""));
  assert.ok(!r.ok);
  assert.equal(r.line, 6);
  assert.equal(r.reason, "unparsable");
});

test("garbage and blank lines are unparsable", async () => {
  for (const bad of ["not json", "", "[1,2]", '{"seq":"x"}']) {
    const r = await verifyAuditLog(variant("garbage", (l) => [...l.slice(0, 2), bad, ...l.slice(2)]));
    assert.ok(!r.ok);
    assert.equal(r.line, 3);
    assert.equal(r.reason, "unparsable");
  }
});

test("removing the last whole line is only caught against a recorded hash", async () => {
  const head = (JSON.parse(lines[5] ?? "") as AuditEvent).hash;
  const file = variant("cut", (l) => l.slice(0, 5));
  assert.ok((await verifyAuditLog(file)).ok, "a shorter chain is still a valid chain");
  const r = await verifyAuditLog(file, { expectHash: head });
  assert.ok(!r.ok);
  assert.equal(r.reason, "deleted");
  assert.ok((await verifyAuditLog(original, { expectHash: (JSON.parse(lines[2] ?? "") as AuditEvent).hash })).ok);
});
