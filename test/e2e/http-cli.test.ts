// e2e: `mcp-warden gateway --listen 127.0.0.1:0` as a process, the SDK client over Streamable HTTP, no auth configured
// (anonymous principal: tools without scopes only).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Client, StreamableHTTPClientTransport } from "../../src/mcp/sdk.ts";
import { CLI_ENTRY, EVERYTHING_SERVER, REPO_ROOT } from "../helpers/gateway-client.ts";

const POLICY = `version: 1
environment: dev
audit: { enabled: false }
defaults: { confirm: never }
tools:
  echo: {}
  get-sum: { scopes: [math:use] }
`;

test("gateway --listen serves the SDK client; unauthenticated callers get no scoped tools", {
  timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "warden-http-cli-"));
  writeFileSync(join(dir, "warden.yaml"), POLICY);
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      CLI_ENTRY,
      "gateway",
      "--policy",
      join(dir, "warden.yaml"),
      "--listen",
      "127.0.0.1:0",
      "--",
      ...EVERYTHING_SERVER,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, WARDEN_LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = "";
      child.stderr?.on("data", (c: Buffer) => {
        err += c.toString();
        const m = /listening on (\S+)/.exec(err);
        if (m?.[1]) resolve(m[1]);
      });
      child.once("exit", (code) => reject(new Error(`gateway exited ${code}: ${err}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const transport = new StreamableHTTPClientTransport(new URL(url));
    const client = new Client({ name: "cli-e2e", version: "1.0.0" }, { capabilities: {} });
    await client.connect(transport);
    assert.deepEqual(
      (await client.listTools()).tools.map((t) => t.name),
      ["echo"],
    );
    const res = await client.callTool({ name: "echo", arguments: { message: "over http" } });
    assert.match(JSON.stringify(res.content), /over http/);
    await client.close();
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
