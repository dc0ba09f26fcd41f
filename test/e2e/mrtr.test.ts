// End-to-end `mrtr` confirmation (MCP 2026-07-28 input_required) through the real gateway, with a raw JSON-RPC client
// (the SDK 1.32 client does not speak 2026-07-28): the first call is answered by the gateway, the approved retry is
// forwarded without the MRTR fields, and forged, replayed and re-bound states are refused.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type RawClient, startRawClient } from "../../bench/stdio-client.ts";
import { CLI_ENTRY, REPO_ROOT } from "../helpers/gateway-client.ts";

const META = { "io.modelcontextprotocol/protocolVersion": "2026-07-28" };
const ACCEPT = { warden_confirm: { action: "accept", content: { approve: true } } };
let client: RawClient;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "warden-mrtr-"));
  writeFileSync(
    join(dir, "warden.yaml"),
    `version: 1
environment: dev
audit: { enabled: false }
store: { kind: file, path: ${JSON.stringify(join(dir, ".warden"))} }
tools:
  record: { confirm: mrtr, allow_unknown_args: true }
`,
  );
  const args = ["--import", "tsx", CLI_ENTRY, "gateway", "--policy", join(dir, "warden.yaml"), "--"];
  const upstream = [process.execPath, "--import", "tsx", "test/fixtures/servers/faulty-server.ts"];
  client = await startRawClient(process.execPath, [...args, ...upstream], {
    ...process.env,
    WARDEN_LOG_LEVEL: "error",
    PWD: REPO_ROOT,
  });
});

after(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(params: Record<string, unknown>): Promise<{ result?: Record<string, unknown>; error?: string }> {
  try {
    return {
      result: (await client.call("tools/call", { name: "record", _meta: META, ...params })) as Record<string, unknown>,
    };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

test("the first call is answered with input_required and a sealed state; the approved retry reaches the upstream", async () => {
  const first = await call({ arguments: { note: "a" } });
  assert.equal(first.result?.resultType, "input_required");
  assert.equal(typeof first.result?.requestState, "string");
  const retry = await call({
    arguments: { note: "a" },
    requestState: first.result?.requestState,
    inputResponses: ACCEPT,
  });
  const content = retry.result?.content as { text: string }[] | undefined;
  assert.deepEqual(
    JSON.parse(content?.[0]?.text ?? "null"),
    { note: "a" },
    "the upstream sees the call without MRTR fields",
  );
});

test("a replayed, forged, re-bound or declined state is refused", async () => {
  const first = await call({ arguments: { note: "b" } });
  const state = String(first.result?.requestState);
  const declined = await call({
    arguments: { note: "b" },
    requestState: state,
    inputResponses: { warden_confirm: { action: "decline" } },
  });
  assert.match(String(declined.error), /not confirmed/);
  const replay = await call({ arguments: { note: "b" }, requestState: state, inputResponses: ACCEPT });
  assert.match(String(replay.error), /not confirmed/);

  const fresh = String((await call({ arguments: { note: "c" } })).result?.requestState);
  const forged = `${fresh.slice(0, -2)}${fresh.endsWith("A") ? "BB" : "AA"}`;
  assert.match(
    String((await call({ arguments: { note: "c" }, requestState: forged, inputResponses: ACCEPT })).error),
    /not confirmed/,
  );
  const rebound = await call({ arguments: { note: "other arguments" }, requestState: fresh, inputResponses: ACCEPT });
  assert.match(String(rebound.error), /not confirmed/);
});

test("a client of an older revision cannot use mrtr: the call fails closed", async () => {
  const old = await client
    .call("tools/call", { name: "record", arguments: { note: "d" } })
    .catch((e: Error) => e.message);
  assert.match(String(old), /input_required/);
});
