// Package runner detection and pin checks, including launchers seen in real configs (cmd /c, bash -lc, env).
import assert from "node:assert/strict";
import { test } from "node:test";
import { effectiveArgv } from "../../argv.ts";
import { claudeCode } from "../../discovery/claude-code.ts";
import { extractServers } from "../../extract-servers.ts";
import { parseConfig } from "../../parsers/parse-config.ts";
import type { ServerEntry } from "../../types.ts";
import { findPackageRun, unpinnedReason } from "./package-spec.ts";

function serverOf(command: string, args: string[]): ServerEntry {
  const root = parseConfig(JSON.stringify({ mcpServers: { s: { command, args } } }), "json").root;
  const [server] = extractServers(root, claudeCode);
  assert.ok(server);
  return server;
}

test("finds the package behind runners and launchers", () => {
  const cases: [string, string[], string | undefined][] = [
    ["npx", ["-y", "@scope/pkg@1.2.3"], "@scope/pkg@1.2.3"],
    ["npx.cmd", ["--yes", "pkg"], "pkg"],
    ["/home/u/.nvm/versions/node/v20/bin/npx", ["pkg@2"], "pkg@2"],
    ["cmd", ["/c", "npx", "-y", "pkg@latest"], "pkg@latest"],
    ["bash", ["-lc", "exec npx -y pkg@1.0.0 --flag"], "pkg@1.0.0"],
    ["env", ["A=1", "uvx", "--from", "git+https://example.com/r", "tool"], "git+https://example.com/r"],
    ["pnpm", ["dlx", "pkg"], "pkg"],
    ["deno", ["run", "-A", "npm:pkg@1.2.3"], "pkg@1.2.3"],
    ["node", ["server.js"], undefined],
  ];
  for (const [command, args, spec] of cases)
    assert.equal(findPackageRun(effectiveArgv(serverOf(command, args)))?.spec, spec, `${command} ${args.join(" ")}`);
});

test("only exact versions (or commit-pinned git refs) count as pinned", () => {
  assert.equal(unpinnedReason("@scope/pkg@1.2.3", "npm"), undefined);
  assert.equal(unpinnedReason("pkg@1.2.3-beta.1", "npm"), undefined);
  assert.match(unpinnedReason("pkg", "npm") ?? "", /no version/);
  assert.match(unpinnedReason("pkg@latest", "npm") ?? "", /@latest/);
  assert.match(unpinnedReason("pkg@^1.2.0", "npm") ?? "", /range or tag/);
  assert.equal(unpinnedReason("mcp-server-fetch==0.6.2", "pypi"), undefined);
  assert.match(unpinnedReason("mcp-server-fetch", "pypi") ?? "", /no version/);
  assert.equal(unpinnedReason(`git+https://example.com/r#${"a".repeat(40)}`, "npm"), undefined);
  assert.equal(unpinnedReason("./local", "npm"), undefined);
});
