// End-to-end `mcp-warden scan` / `explain` through the real CLI dispatcher in a child process: exit codes, the JSON
// contract, masking, and SARIF 2.1.0 validated against the official schema.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { Ajv } from "ajv";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(ROOT, "src/scanner/rules/literal-secret/fixtures/invalid-env-token");
const FAKE_TOKEN = "FAKEtok3nNotReal0123456789abcdef";
const work = mkdtempSync(join(tmpdir(), "warden-scan-e2e-"));
cpSync(FIXTURE, work, { recursive: true });
after(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const script = 'import { main } from "./src/cli/main.ts"; process.exitCode = await main(process.argv.slice(1));';
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", WARDEN_POLICY: "", CI: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("findings at or above the default --fail-on (high) exit 1; the JSON follows the contract; secrets are masked", () => {
  const r = cli("scan", work, "--format", "json", "--policy", join(work, "none.yaml"));
  assert.equal(r.code, 2, "an explicit --policy that does not exist is a configuration error");
  const ok = cli("scan", work, "--format", "json");
  assert.equal(ok.code, 1, ok.err);
  const report = JSON.parse(ok.out);
  assert.deepEqual(Object.keys(report), ["version", "findings", "summary"]);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.summary), ["files", "servers", "findings", "by_severity"]);
  const secret = report.findings.find((f: { rule: string }) => f.rule === "literal-secret");
  assert.deepEqual(Object.keys(secret), [
    "rule",
    "severity",
    "file",
    "line",
    "column",
    "client",
    "server",
    "location",
    "message",
  ]);
  assert.equal(secret.location, "mcpServers.github.env.GITHUB_TOKEN");
  assert.equal(secret.client, "cursor");
  assert.ok(!ok.out.includes(FAKE_TOKEN), "the secret value never appears without --show-secrets");
  const text = cli("scan", work);
  assert.ok(!text.out.includes(FAKE_TOKEN));
  assert.ok(text.out.includes(`${FAKE_TOKEN.slice(0, 4)}****`), "text output shows the masked value");
  assert.ok(cli("scan", work, "--show-secrets").out.includes(FAKE_TOKEN));
});

test("--fail-on critical exits 0 when the worst finding is high; usage errors exit 2", () => {
  assert.equal(cli("scan", work, "--fail-on", "critical").code, 0);
  assert.equal(cli("scan", work, "--fail-on", "low").code, 1);
  assert.equal(cli("scan", work, "--format", "xml").code, 2);
  assert.equal(cli("scan", work, "--fail-on", "severe").code, 2);
  assert.equal(cli("scan", join(work, "no-such-folder")).code, 2);
});

test("SARIF output validates against the SARIF 2.1.0 schema and carries line/column and rule help", () => {
  const out = join(work, "report.sarif");
  assert.equal(cli("scan", work, "--format", "sarif", "--output", out, "--fail-on", "critical").code, 0);
  const raw = readFileSync(out, "utf8");
  const log = JSON.parse(raw);
  // The official schema (vendored from the npm package @microsoft/jest-sarif) is draft-04: adapt its two draft-04-isms.
  const schema = JSON.parse(readFileSync(join(ROOT, "src/scanner/formatters/fixtures/sarif-2.1.0-rtm.5.json"), "utf8"));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp off: one pattern of the official schema (the language tag) is not valid in /u mode.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  const valid = validate(JSON.parse(raw));
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
  const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "literal-secret");
  assert.equal(result.locations[0].physicalLocation.region.startLine, 7);
  assert.ok(result.locations[0].physicalLocation.region.startColumn > 1);
  assert.ok(log.runs[0].tool.driver.rules.every((r: { help?: { text: string } }) => r.help?.text));
  assert.ok(!raw.includes(FAKE_TOKEN));
});

test("explain prints a rule's documentation; an unknown rule is a usage error", () => {
  const r = cli("explain", "literal-secret");
  assert.equal(r.code, 0);
  assert.match(r.out, /^# literal-secret/);
  assert.match(r.out, /How to fix/);
  assert.equal(cli("explain", "no-such-rule").code, 2);
});
