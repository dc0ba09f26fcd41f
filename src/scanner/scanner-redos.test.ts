// Linear-time contract for the scanner's patterns over untrusted config text: adversarial 64 KiB values through
// every parser, rule and helper must finish well inside a budget that any catastrophic backtracking would blow.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileIgnore, isIgnored } from "./gitignore.ts";
import { tomlKeyOffsets } from "./parsers/toml-key-offsets.ts";
import { CONFIG_RULES } from "./rules/catalogue.ts";
import { connectionPassword, credentialPart, flagAssignment } from "./rules/literal-secret/heuristics.ts";
import { findReferences } from "./rules/literal-secret/references.ts";
import { sdkVersions } from "./rules/vulnerable-sdk/sdk-versions.ts";
import { scanConfigText } from "./scan-config.ts";

const SIZE = 64 * 1024;
// Generous: the machine is shared, and 64 KiB of escaped quotes alone costs ~0.5 s to parse under load;
// catastrophic backtracking on these inputs takes minutes, not seconds.
const BUDGET_MS = 6000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const UNITS = [
  "a",
  "${",
  "${env:",
  "$a",
  "{env:a",
  "curl ",
  "--token=",
  "a://b:",
  "x:",
  "@modelcontextprotocol/sdk@",
  "=",
  "[",
  '"',
  "a.",
  " ",
  "-",
];

function timed(label: string, fn: () => unknown): void {
  const start = performance.now();
  fn();
  const ms = performance.now() - start;
  assert.ok(ms < BUDGET_MS, `${label} took ${ms.toFixed(0)} ms`);
}

test("helpers stay fast on adversarial input", () => {
  for (const unit of UNITS) {
    const s = fill(unit);
    timed(`findReferences(${unit})`, () => findReferences(s));
    timed(`credentialPart(${unit})`, () => credentialPart(s));
    timed(`flagAssignment(${unit})`, () => flagAssignment(s));
    timed(`connectionPassword(${unit})`, () => connectionPassword(s));
    timed(`tomlKeyOffsets(${unit})`, () => tomlKeyOffsets(s));
    timed(`sdkVersions(${unit})`, () => sdkVersions("yarn.lock", `${s}\n@modelcontextprotocol/sdk`));
    timed(`isIgnored(${unit})`, () => isIgnored(compileIgnore("*a*a*a*a*b\n**/x/**/y"), s.slice(0, 4096)));
  }
});

test("every config rule stays fast on adversarial server entries", () => {
  for (const unit of UNITS) {
    const v = fill(unit);
    const entry = {
      command: v,
      args: [v, "-c", v, "run", v],
      env: { API_TOKEN: v },
      headers: { Authorization: v },
      url: v,
    };
    const text = JSON.stringify({ mcpServers: { a: entry, b: { command: "bash", args: ["-c", v] } } });
    timed(`rules(${unit})`, () =>
      scanConfigText(".mcp.json", text, "claude-code", {
        rules: CONFIG_RULES,
        policy: undefined,
        detectSecrets: () => [],
      }),
    );
  }
});
