// Contract test: docs/policy.md documents every key of the policy schema with its default, and its example loads.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadPolicy } from "./load.ts";
import { policySchema } from "./schema.ts";
import { schemaPaths } from "./schema-paths.ts";

const doc = readFileSync(new URL("../../docs/policy.md", import.meta.url), "utf8");
const rows = doc.split("\n").filter((line) => line.startsWith("| `"));

function rowOf(path: string): string | undefined {
  return rows.find((row) => row.startsWith(`| \`${path}\` |`));
}

test("every schema key path has a row in docs/policy.md", () => {
  const missing = schemaPaths(policySchema)
    .map((p) => p.path)
    .filter((path) => !rowOf(path));
  assert.deepEqual(missing, [], `add these keys to docs/policy.md: ${missing.join(", ")}`);
});

test("every documented scalar or list default matches the schema", () => {
  const wrong: string[] = [];
  for (const { path, default: json } of schemaPaths(policySchema)) {
    if (json === undefined) continue;
    const value: unknown = JSON.parse(json);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) continue; // sections: "see below"
    const cell = (rowOf(path) ?? "").split("|")[2] ?? "";
    const parts = Array.isArray(value) ? value.map(String) : [String(value)];
    if (!parts.every((part) => cell.includes(part))) wrong.push(`${path} (schema default ${json})`);
  }
  assert.deepEqual(wrong, []);
});

test("no documented key is missing from the schema", () => {
  const known = new Set(schemaPaths(policySchema).map((p) => p.path));
  const extra = rows.map((row) => row.split("`")[1] ?? "").filter((path) => !known.has(path));
  assert.deepEqual(extra, []);
});

test("the full example in docs/policy.md loads", async () => {
  const example = /## A full example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example, "docs/policy.md has a full example");
  const dir = mkdtempSync(join(tmpdir(), "warden-docs-"));
  try {
    const file = join(dir, "warden.yaml");
    writeFileSync(file, example);
    const env = {
      STAGING_DB_READONLY_URL: "postgres://ro@127.0.0.1/staging",
      DOCS_TOKEN: "fake-EXAMPLE",
      WARDEN_AUDIT_KEY: "fake-EXAMPLE",
      WARDEN_SIGNING_KEY: "fake-EXAMPLE",
      REDIS_URL: "redis://127.0.0.1:6379",
    };
    const { policy } = await loadPolicy(file, env);
    assert.equal(policy.tools["staging-db/run_sql"]?.allow, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
