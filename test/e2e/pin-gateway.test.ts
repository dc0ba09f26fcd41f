// End-to-end rug pull: the official SDK Client → `mcp-warden gateway` (stdio) → shifty-server, with warden.lock pinned
// from the base variant. The server changes its tools mid-session and sends notifications/tools/list_changed; the
// changed tool must be hidden and refused before the client's next call can reach it.
// Runs once guard `pin` is wired into the gateway's chain (src/gateway/guard-chain.ts); skipped loudly before that.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { listUpstreamTools } from "../../src/gateway/list-upstream-tools.ts";
import { McpError } from "../../src/mcp/sdk.ts";
import { emptyLock, pinUpstream, writeLockfile } from "../../src/policy/lockfile.ts";
import { policySchema } from "../../src/policy/schema.ts";
import { connectThroughGateway, type GatewayHarness, REPO_ROOT } from "../helpers/gateway-client.ts";

const SHIFTY = [process.execPath, "--import", "tsx", join(REPO_ROOT, "test/fixtures/servers/shifty-server.ts")];
const wired = readFileSync(join(REPO_ROOT, "src/gateway/guard-chain.ts"), "utf8").includes("guards/pin.ts");
if (!wired) console.error("pin-gateway e2e SKIPPED: guard `pin` is not wired into src/gateway/guard-chain.ts yet");

function policyYaml(lockfile: string, onDrift: string, serverVersion = "1.0.0"): string {
  return `version: 1
environment: production
audit: { enabled: false }
defaults: { tools: allow, confirm: never }
pins: { lockfile: ${JSON.stringify(lockfile)}, on_drift: ${onDrift} }
upstreams:
  shifty:
    command: ${JSON.stringify(SHIFTY[0])}
    args: ${JSON.stringify(SHIFTY.slice(1))}
    cwd: ${JSON.stringify(REPO_ROOT)}
    env: { SHIFTY_PAGE_SIZE: "2", SHIFTY_SERVER_VERSION: "${serverVersion}" }
`;
}

/** Pins shifty-server's base variant into `lockfile`, as `mcp-warden pin` would. */
async function pinShifty(lockfile: string): Promise<void> {
  const upstream = policySchema.parse({
    version: 1,
    upstreams: { s: { command: SHIFTY[0], args: SHIFTY.slice(1), cwd: REPO_ROOT } },
  }).upstreams.s;
  assert.ok(upstream);
  const listing = await listUpstreamTools(upstream, { name: "shifty", cwd: REPO_ROOT, timeoutMs: 60_000 });
  writeLockfile(lockfile, pinUpstream(emptyLock(), "shifty", listing, { by: "e2e", at: "2026-01-01T00:00:00Z" }));
}

async function refused(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof McpError, `expected an McpError, got ${String(err)}`);
    return err;
  }
  assert.fail("the call reached the upstream");
}

/** Every page of tools/list as the client sees it (shifty-server serves two tools per page). */
async function names(h: GatewayHarness): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await h.client.listTools(cursor === undefined ? {} : { cursor });
    all.push(...result.tools.map((t) => t.name));
    cursor = result.nextCursor;
    if (cursor === undefined) break;
  }
  return all.sort();
}

describe("gateway enforces warden.lock against a server that changes mid-session", { skip: !wired }, () => {
  const dir = mkdtempSync(join(tmpdir(), "warden-pin-gw-"));
  const lockfile = join(dir, "warden.lock");
  let h: GatewayHarness;

  before(async () => {
    await pinShifty(lockfile);
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("pinned tools are listed (across pages) and callable", async () => {
    h = await connectThroughGateway({
      policyYaml: policyYaml(lockfile, "quarantine"),
      upstream: SHIFTY,
      extraArgs: ["--upstream", "shifty"],
    });
    assert.deepEqual(await names(h), ["read_file", "shift", "write_note"]);
    const result = await h.client.callTool({ name: "read_file", arguments: { path: "README.md" } });
    assert.equal(result.isError, undefined);
  });

  test("a description changed with list_changed is quarantined before the next call", async () => {
    await h.client.callTool({ name: "shift", arguments: { variant: "description" } });
    const err = await refused(h.client.callTool({ name: "read_file", arguments: { path: "README.md" } }));
    assert.equal(err.code, -32602);
    assert.deepEqual((err.data as { code?: string }).code, "ERR_POLICY_TOOL_NOT_ALLOWED");
    assert.deepEqual(await names(h), ["shift", "write_note"]);
  });

  test("a loosened schema, a flipped readOnlyHint and a confusable rename are each caught", async () => {
    for (const variant of ["schema-property", "schema-open", "readonly-flip"]) {
      await h.client.callTool({ name: "shift", arguments: { variant } });
      await refused(h.client.callTool({ name: "write_note", arguments: { text: "hi" } }));
      assert.ok(!(await names(h)).includes("write_note"), variant);
    }
    await h.client.callTool({ name: "shift", arguments: { variant: "confusable" } });
    assert.ok(!(await names(h)).includes("r\u0435ad_file"));
    await refused(h.client.callTool({ name: "r\u0435ad_file", arguments: { path: "README.md" } }));
    await h.client.callTool({ name: "shift", arguments: { variant: "base" } });
    assert.deepEqual(await names(h), ["read_file", "shift", "write_note"], "back to the pinned definitions");
  });
});

describe("on_drift block-server refuses the whole upstream", { skip: !wired }, () => {
  const dir = mkdtempSync(join(tmpdir(), "warden-pin-block-"));
  const lockfile = join(dir, "warden.lock");
  const open: GatewayHarness[] = [];

  before(async () => {
    await pinShifty(lockfile);
  });
  after(async () => {
    for (const h of open) await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("one drifted tool hides and refuses every tool, the unchanged ones too", async () => {
    const h = await connectThroughGateway({
      policyYaml: policyYaml(lockfile, "block-server"),
      upstream: SHIFTY,
      extraArgs: ["--upstream", "shifty"],
    });
    open.push(h);
    await h.client.callTool({ name: "read_file", arguments: { path: "README.md" } });
    await h.client.callTool({ name: "shift", arguments: { variant: "readonly-flip" } });
    await refused(h.client.callTool({ name: "read_file", arguments: { path: "README.md" } }));
    assert.deepEqual(await names(h), []);
  });

  test("a changed server version refuses every tool", async () => {
    const h = await connectThroughGateway({
      policyYaml: policyYaml(lockfile, "block-server", "9.9.9"),
      upstream: SHIFTY,
      extraArgs: ["--upstream", "shifty"],
    });
    open.push(h);
    assert.deepEqual(await names(h), []);
    await refused(h.client.callTool({ name: "read_file", arguments: { path: "README.md" } }));
  });
});

describe("arguments are validated against the pinned schema, not the live one", { skip: !wired }, () => {
  const dir = mkdtempSync(join(tmpdir(), "warden-pin-args-"));
  const lockfile = join(dir, "warden.lock");
  let h: GatewayHarness | undefined;

  before(async () => {
    await pinShifty(lockfile);
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("on_drift warn keeps a loosened tool callable, but a field only the live schema allows is refused", async () => {
    h = await connectThroughGateway({
      policyYaml: policyYaml(lockfile, "warn"),
      upstream: SHIFTY,
      extraArgs: ["--upstream", "shifty"],
    });
    await h.client.callTool({ name: "shift", arguments: { variant: "schema-property" } });
    assert.ok((await names(h)).includes("write_note"), "warn keeps the drifted tool listed");
    await h.client.callTool({ name: "write_note", arguments: { text: "hi" } });
    const err = await refused(
      h.client.callTool({ name: "write_note", arguments: { text: "hi", cc: "attacker@example.com" } }),
    );
    assert.equal((err.data as { code?: string }).code, "ERR_POLICY_ARGS_INVALID");
  });
});
