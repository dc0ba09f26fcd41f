// SDK versions from each lockfile format, and the advisory thresholds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareVersions, sdkVersions } from "./sdk-versions.ts";

test("reads @modelcontextprotocol/sdk versions from npm, pnpm, yarn and bun lockfiles", () => {
  const npm = JSON.stringify({ packages: { "node_modules/@modelcontextprotocol/sdk": { version: "1.23.0" } } });
  assert.deepEqual(
    sdkVersions("package-lock.json", npm).map((v) => v.version),
    ["1.23.0"],
  );
  const pnpm = "packages:\n  '@modelcontextprotocol/sdk@1.25.1':\n    resolution: {}\n";
  assert.deepEqual(
    sdkVersions("pnpm-lock.yaml", pnpm).map((v) => v.version),
    ["1.25.1"],
  );
  const yarn = '"@modelcontextprotocol/sdk@^1.10.0":\n  version "1.10.2"\n  resolved "x"\n';
  assert.deepEqual(
    sdkVersions("yarn.lock", yarn).map((v) => v.version),
    ["1.10.2"],
  );
  const bun = '{ "packages": { "@modelcontextprotocol/sdk": ["@modelcontextprotocol/sdk@1.26.0", ""] } }';
  assert.deepEqual(
    sdkVersions("bun.lock", bun).map((v) => v.version),
    ["1.26.0"],
  );
});

test("version comparison is numeric", () => {
  assert.ok(compareVersions("1.9.0", "1.24.0") < 0);
  assert.ok(compareVersions("1.25.2", "1.25.2") === 0);
  assert.ok(compareVersions("1.26.0", "1.25.2") > 0);
});
