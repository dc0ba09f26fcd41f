// Tests for `mcp-warden audit verify|tail`: exit codes, the named line, readable tail output, --follow.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Command } from "commander";
import { createAuditLog } from "../../audit/audit-log.ts";
import { UsageError } from "../../errors.ts";
import { register } from "./audit.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-audit-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "log.jsonl");

before(async () => {
  const log = createAuditLog({ file, hmacKey: "fake-EXAMPLE", failClosed: true, environment: "dev" });
  const principal = { sub: "alice", iss: "https://idp.example", client_id: "cursor" };
  for (let i = 0; i < 30; i++) {
    const decision = i % 3 === 0 ? "deny" : "allow";
    await log.append({
      method: "tools/call",
      tool: `t${i}`,
      upstream: "db",
      decision,
      outcome: "ok",
      ms: i,
      principal,
    });
  }
  await log.close();
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const program = new Command().exitOverride();
  const result = { code: 0 };
  register(program, result);
  let out = "";
  const write = process.stdout.write;
  // Only the command's text is captured: node:test's own messages on stdout are Buffers and pass through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== "string") return write.call(process.stdout, chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(args, { from: "user" });
  } finally {
    process.stdout.write = write;
  }
  return { code: result.code, out };
}

test("verify: intact log exits 0 and prints the head", async () => {
  const { code, out } = await run(["audit", "verify", file]);
  assert.equal(code, 0);
  assert.match(out, /ok, 30 event\(s\), head [0-9a-f]{64}/);
});

test("verify: an edited line exits 1 and names the line", async () => {
  const lines = readFileSync(file, "utf8").split("\n");
  lines[6] = (lines[6] ?? "").replace('"alice"', '"mallory"');
  const bad = join(dir, "bad.jsonl");
  writeFileSync(bad, lines.join("\n"));
  const { code, out } = await run(["audit", "verify", bad]);
  assert.equal(code, 1);
  assert.match(out, /bad\.jsonl:7: edited/);
  const json = await run(["audit", "verify", bad, "--json"]);
  assert.equal((JSON.parse(json.out) as { line: number }).line, 7);
});

test("verify: a missing file or a bad --expect-hash is a usage error", async () => {
  await assert.rejects(run(["audit", "verify", join(dir, "none.jsonl")]), UsageError);
  await assert.rejects(run(["audit", "verify", file, "--expect-hash", "zz"]), UsageError);
});

test("tail: last N events, one readable line each", async () => {
  const { code, out } = await run(["audit", "tail", file, "-n", "3"]);
  assert.equal(code, 0);
  const lines = out.trimEnd().split("\n");
  assert.equal(lines.length, 3, JSON.stringify(lines));
  // ANSI colours may be on or off depending on the terminal; strip them before matching.
  const plain = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ""));
  assert.match(plain[2] ?? "", /^\d{4}-\d\d-\d\dT\S+Z {2}allow {2}alice {2}tools\/call db\/t29 {2}ok {2}29ms$/);
  assert.match(plain[0] ?? "", /deny {3}alice {2}tools\/call db\/t27/);
});

test("tail: -n must be a bounded whole number", async () => {
  await assert.rejects(run(["audit", "tail", file, "-n", "-1"]), UsageError);
  await assert.rejects(run(["audit", "tail", file, "-n", "1e9"]), UsageError);
});
