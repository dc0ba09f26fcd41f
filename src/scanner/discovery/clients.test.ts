// Discovery: which client reads a walked path, and each client's user/managed paths per OS.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { scan } from "../scan.ts";
import { CLIENTS, clientById, clientForPath } from "./clients.ts";

test("project files map to the client that reads them", () => {
  const cases: [string, string | undefined][] = [
    [".mcp.json", "claude-code"],
    ["apps/web/.cursor/mcp.json", "cursor"],
    [".vscode/mcp.json", "vscode"],
    [".vscode/settings.json", "vscode"],
    [".codex/config.toml", "codex"],
    [".gemini/settings.json", "gemini"],
    [".zed/settings.json", "zed"],
    [".continue/mcpServers/db.yaml", "continue"],
    [".amazonq/mcp.json", "amazonq"],
    [".kiro/settings/mcp.json", "kiro"],
    ["opencode.jsonc", "opencode"],
    [".claude/settings.local.json", "claude-code"],
    ["package.json", undefined],
    ["src/mcp.json.ts", undefined],
  ];
  for (const [path, id] of cases) assert.equal(clientForPath(path)?.id, id, path);
});

test("user and managed paths follow each OS's conventions", () => {
  const mac = { home: "/Users/ada", platform: "darwin" as const };
  const linux = { home: "/home/ada", platform: "linux" as const };
  const win = { home: "C:\\Users\\ada", platform: "win32" as const, appData: "C:\\Users\\ada\\AppData\\Roaming" };
  const desktop = clientById("claude-desktop");
  assert.deepEqual(desktop?.user(mac), ["/Users/ada/Library/Application Support/Claude/claude_desktop_config.json"]);
  assert.deepEqual(desktop?.user(linux), ["/home/ada/.config/Claude/claude_desktop_config.json"]);
  assert.deepEqual(desktop?.user(win), ["C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json"]);
  assert.ok(clientById("claude-code")?.managed(linux).includes("/etc/claude-code/managed-mcp.json"));
  assert.ok(clientById("vscode")?.user(mac).includes("/Users/ada/Library/Application Support/Code/User/mcp.json"));
  assert.equal(CLIENTS.length, 15);
  for (const c of CLIENTS)
    for (const env of [mac, linux, win]) assert.ok(c.user(env).length > 0, `${c.id} has a user path`);
});

test("--home scans the user's configs (Claude Code top level and per project)", async () => {
  const home = mkdtempSync(join(tmpdir(), "warden-home-"));
  try {
    mkdirSync(join(home, ".cursor"));
    writeFileSync(join(home, ".cursor", "mcp.json"), '{ "mcpServers": { "a": { "url": "http://mcp.example.com" } } }');
    const claude = {
      mcpServers: {},
      projects: { "/w/app": { mcpServers: { b: { command: "npx", args: ["-y", "pkg@latest"] } } } },
    };
    writeFileSync(join(home, ".claude.json"), JSON.stringify(claude, null, 2));
    const result = await scan({ paths: [], home: { home, platform: "linux" } });
    const rules = result.findings.map((f) => `${f.client}:${f.rule}:${f.location}`).sort();
    assert.deepEqual(rules, [
      'claude-code:unpinned-package:projects["/w/app"].mcpServers.b.args[1]',
      "cursor:insecure-url:mcpServers.a.url",
    ]);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
