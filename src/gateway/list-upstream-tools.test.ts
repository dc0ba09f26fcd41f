// Tests of listUpstreamTools against real stdio servers: pagination, raw fields kept, minimal env, time bounds.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { OperatorError } from "../errors.ts";
import { policySchema, type UpstreamConfig } from "../policy/schema.ts";
import { listUpstreamTools } from "./list-upstream-tools.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SHIFTY = join(ROOT, "test/fixtures/servers/shifty-server.ts");

function upstream(config: Record<string, unknown>): UpstreamConfig {
  const parsed = policySchema.parse({ version: 1, upstreams: { u: config } }).upstreams.u;
  assert.ok(parsed);
  return parsed;
}

const tsx = (file: string, env: Record<string, string> = {}) =>
  upstream({ command: process.execPath, args: ["--import", "tsx", file], cwd: ROOT, env });

test("lists server-everything: server info from initialize and its tools", async () => {
  const everything = upstream({
    command: process.execPath,
    args: [join(ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js"), "stdio"],
  });
  const listing = await listUpstreamTools(everything, { name: "everything", cwd: ROOT, timeoutMs: 20_000 });
  assert.equal(listing.server.name, "mcp-servers/everything");
  assert.ok(listing.server.version.length > 0);
  const echo = listing.tools.find((t) => t.name === "echo");
  assert.ok(echo?.inputSchema, "echo is listed with its schema");
});

test("follows nextCursor across every page (shifty-server, one tool per page)", async () => {
  const listing = await listUpstreamTools(tsx(SHIFTY, { SHIFTY_PAGE_SIZE: "1", SHIFTY_FILLER: "5" }), {
    name: "shifty",
    cwd: ROOT,
    timeoutMs: 20_000,
  });
  assert.deepEqual(listing.server, { name: "shifty-server", version: "1.0.0" });
  assert.deepEqual(
    listing.tools.map((t) => t.name),
    ["read_file", "write_note", "shift", "filler_000", "filler_001", "filler_002", "filler_003", "filler_004"],
  );
});

test("keeps fields the SDK's own Tool schema would drop, and _meta", async () => {
  const listing = await listUpstreamTools(tsx(SHIFTY), { name: "shifty", cwd: ROOT, timeoutMs: 20_000 });
  const read = listing.tools.find((t) => t.name === "read_file");
  assert.deepEqual(read?._meta, { "example.com/build": "build-1" });
  assert.deepEqual(read?.annotations, { readOnlyHint: true, "example.com/sensitivity": "low" });
});

test("the child gets only the policy env plus a minimal set, never the parent's secrets", async () => {
  process.env.WARDEN_TEST_PARENT_SECRET = "FAKE-parent-secret";
  try {
    // A tiny stdio server that reports its environment variable names as its server name.
    const script =
      "process.stdin.on('data',d=>{for(const l of String(d).split('\\n')){if(!l)continue;const m=JSON.parse(l);if(m.method==='initialize')process.stdout.write(JSON.stringify({jsonrpc:'2.0',id:m.id,result:{protocolVersion:'2025-06-18',capabilities:{tools:{}},serverInfo:{name:Object.keys(process.env).sort().join(','),version:process.env.POLICY_VAR}}})+'\\n');if(m.method==='tools/list')process.stdout.write(JSON.stringify({jsonrpc:'2.0',id:m.id,result:{tools:[]}})+'\\n')}})";
    const probe = upstream({ command: process.execPath, args: ["-e", script], env: { POLICY_VAR: "from-policy" } });
    const listing = await listUpstreamTools(probe, { name: "probe", cwd: ROOT, timeoutMs: 10_000 });
    const names = listing.server.name.split(",");
    assert.equal(listing.server.version, "from-policy");
    assert.ok(!names.includes("WARDEN_TEST_PARENT_SECRET"));
    for (const name of names)
      assert.ok(["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TEMP", "TMP", "POLICY_VAR"].includes(name), name);
  } finally {
    delete process.env.WARDEN_TEST_PARENT_SECRET;
  }
});

test("a server that never answers is bounded by the timeout and its child is closed", async () => {
  const pidFile = join(mkdtempSync(join(tmpdir(), "warden-list-")), "pid");
  const script = `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)`;
  const silent = upstream({ command: process.execPath, args: ["-e", script] });
  const started = Date.now();
  await assert.rejects(
    listUpstreamTools(silent, { name: "silent", cwd: ROOT, timeoutMs: 800 }),
    (err: unknown) => err instanceof OperatorError && err.code === "ERR_UPSTREAM_TIMEOUT",
  );
  assert.ok(Date.now() - started < 6000);
  const pid = Number(readFileSync(pidFile, "utf8"));
  assert.throws(() => process.kill(pid, 0), "the child (even one ignoring SIGTERM) is gone");
  rmSync(dirname(pidFile), { recursive: true, force: true });
});

test("a missing command is an operator error naming the upstream", async () => {
  const missing = upstream({ command: "/nonexistent/mcp-server-FAKE" });
  await assert.rejects(
    listUpstreamTools(missing, { name: "ghost", cwd: ROOT, timeoutMs: 5000 }),
    (err: unknown) => err instanceof OperatorError && /ghost/.test(err.message),
  );
});

test("a server that repeats a cursor is refused instead of paging forever", async () => {
  const script =
    "process.stdin.on('data',d=>{for(const l of String(d).split('\\n')){if(!l)continue;const m=JSON.parse(l);if(m.method==='initialize')process.stdout.write(JSON.stringify({jsonrpc:'2.0',id:m.id,result:{protocolVersion:'2025-06-18',capabilities:{tools:{}},serverInfo:{name:'loop',version:'1'}}})+'\\n');if(m.method==='tools/list')process.stdout.write(JSON.stringify({jsonrpc:'2.0',id:m.id,result:{tools:[{name:'t',inputSchema:{type:'object'}}],nextCursor:'same'}})+'\\n')}})";
  const looping = upstream({ command: process.execPath, args: ["-e", script] });
  await assert.rejects(
    listUpstreamTools(looping, { name: "loop", cwd: ROOT, timeoutMs: 10_000 }),
    /repeats a tools\/list cursor/,
  );
});
