// Negative corpus from real servers: the tool definitions of the reference MCP servers (server-filesystem,
// server-everything), listed live over stdio with the SDK client, must raise no poisoning finding at all.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { ToolDefinition } from "../../guards/types.ts";
import { Client, StdioClientTransport } from "../../mcp/sdk.ts";
import { analyzeToolDefinition } from "./index.ts";

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "warden-poisoning-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function listTools(script: string, args: string[]): Promise<ToolDefinition[]> {
  // Advertise every client capability so server-everything also registers its conditional tools.
  const client = new Client(
    { name: "warden-poisoning-test", version: "0" },
    { capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} } },
  );
  const transport = new StdioClientTransport({ command: process.execPath, args: [script, ...args], stderr: "ignore" });
  await client.connect(transport);
  try {
    return (await client.listTools()).tools as ToolDefinition[];
  } finally {
    await client.close();
  }
}

describe("poisoning detector on real reference servers (negatives)", { timeout: 60_000 }, () => {
  const servers: [string, string, string[]][] = [
    ["server-filesystem", require.resolve("@modelcontextprotocol/server-filesystem/dist/index.js"), [dir]],
    ["server-everything", require.resolve("@modelcontextprotocol/server-everything/dist/index.js"), ["stdio"]],
  ];
  for (const [label, script, args] of servers) {
    it(`${label}: no tool is flagged and sanitising changes nothing`, async () => {
      const tools = await listTools(script, args);
      assert.ok(tools.length >= 10, `${label} listed ${tools.length} tools`);
      for (const tool of tools) {
        const r = analyzeToolDefinition(tool);
        assert.deepEqual(r.findings, [], `${label}/${tool.name}`);
        assert.deepEqual(r.sanitized, tool);
      }
    });
  }
});
