// Test helper: the official SDK Client connected over stdio to `mcp-warden gateway` (run from source) in front of a
// real upstream command. Writes the policy to a temp dir; returns the client and a cleanup function.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client, StdioClientTransport } from "../../src/mcp/sdk.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const CLI_ENTRY = join(REPO_ROOT, "test/helpers/cli-entry.ts");
export const EVERYTHING_SERVER = [
  process.execPath,
  join(REPO_ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js"),
  "stdio",
];
export const FILESYSTEM_SERVER = [
  process.execPath,
  join(REPO_ROOT, "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js"),
];

export interface GatewayHarness {
  client: Client;
  dir: string;
  stderr: () => string;
  /** Closes the client (the gateway then exits); removes the temp dir unless `keepDir`. */
  close(opts?: { keepDir?: boolean }): Promise<void>;
  /** Waits until the gateway process has exited (its audit log is then flushed and closed). */
  exited(): Promise<void>;
}

export interface HarnessOptions {
  policyYaml: string;
  upstream: readonly string[];
  env?: Record<string, string>;
  capabilities?: ConstructorParameters<typeof Client>[1];
  extraArgs?: readonly string[];
}

export async function connectThroughGateway(opts: HarnessOptions): Promise<GatewayHarness> {
  const dir = mkdtempSync(join(tmpdir(), "warden-e2e-"));
  const policyFile = join(dir, "warden.yaml");
  writeFileSync(policyFile, opts.policyYaml);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      "--import",
      "tsx",
      CLI_ENTRY,
      "gateway",
      "--policy",
      policyFile,
      ...(opts.extraArgs ?? []),
      "--",
      ...opts.upstream,
    ],
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, WARDEN_LOG_LEVEL: "warn", ...opts.env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "warden-e2e", version: "1.0.0" }, opts.capabilities ?? { capabilities: {} });
  await client.connect(transport);
  return {
    client,
    dir,
    stderr: () => stderr,
    async close(closeOpts) {
      const pid = transport.pid;
      await client.close();
      if (pid !== null) await waitForExit(pid);
      if (!closeOpts?.keepDir) rmSync(dir, { recursive: true, force: true });
    },
    async exited() {
      if (transport.pid !== null) await waitForExit(transport.pid);
    },
  };
}

/** Polls until the process is gone (bounded: 10 s). */
export async function waitForExit(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
