// Tests for the policy loader: every error names file, line and key; secrets never appear in messages.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ConfigError } from "../errors.ts";
import { loadPolicy, MAX_POLICY_BYTES, resolvePolicyFile, resolvePolicyPath } from "./load.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-policy-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const ENV = { WARDEN_AUDIT_KEY: "fake-audit-key-EXAMPLE", DB_URL: "postgres://ro@localhost/db" };
let n = 0;

function write(text: string): string {
  n += 1;
  const file = join(dir, `p${n}.yaml`);
  writeFileSync(file, text);
  return file;
}

const BASE = `version: 1
environment: staging
upstreams:
  staging-db:
    command: node
    args: [server.js]
    env: { DATABASE_URL: "\${env:DB_URL}" }
audit:
  hmac_key: "\${env:WARDEN_AUDIT_KEY}"
`;

async function configError(text: string, env: NodeJS.ProcessEnv = ENV): Promise<ConfigError> {
  const file = write(text);
  try {
    await loadPolicy(file, env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    assert.equal(err.file, file);
    return err;
  }
  assert.fail("expected the policy to be refused");
}

test("loads a valid policy, applies defaults and interpolates", async () => {
  const loaded = await loadPolicy(write(`${BASE}tools:\n  lookup: { scopes: [users:read] }\n`), ENV);
  assert.equal(loaded.policy.environment, "staging");
  assert.equal(loaded.policy.defaults.tools, "deny");
  const up = loaded.policy.upstreams["staging-db"];
  assert.ok(up && "command" in up);
  assert.equal(up.env.DATABASE_URL, ENV.DB_URL);
  assert.equal(loaded.policy.audit.hmac_key, ENV.WARDEN_AUDIT_KEY);
  assert.equal(loaded.dir, dir);
  assert.equal(resolvePolicyPath(loaded, "audit/a.jsonl"), join(dir, "audit/a.jsonl"));
  assert.equal(resolvePolicyPath(loaded, "/abs/x"), "/abs/x");
});

test("resolvePolicyFile: flag, then WARDEN_POLICY, then ./warden.yaml", () => {
  assert.equal(resolvePolicyFile("a.yaml", { WARDEN_POLICY: "b.yaml" }), "a.yaml");
  assert.equal(resolvePolicyFile(undefined, { WARDEN_POLICY: "b.yaml" }), "b.yaml");
  assert.equal(resolvePolicyFile(undefined, {}), "warden.yaml");
});

test("missing file is ERR_CONFIG_NOT_FOUND", async () => {
  await assert.rejects(loadPolicy(join(dir, "nope.yaml"), ENV), { code: "ERR_CONFIG_NOT_FOUND" });
});

test("empty and comment-only files are refused", async () => {
  for (const text of ["", "# only a comment\n", "   \n"]) {
    const err = await configError(text);
    assert.match(err.message, /empty/);
  }
});

test("a non-mapping document is refused", async () => {
  const err = await configError("- a\n- b\n");
  assert.match(err.message, /mapping/);
});

test("YAML syntax error names its line", async () => {
  const err = await configError("version: 1\nupstreams: [a, b\nfoo: 1\n");
  assert.equal(err.code, "ERR_CONFIG_INVALID");
  assert.equal(err.line, 3);
  assert.match(err.message, /YAML syntax error/);
});

test("duplicate key names its line and key", async () => {
  const err = await configError(`${BASE}tools:\n  a: {}\n  a: { allow: false }\n`);
  assert.equal(err.line, 12);
  assert.match(err.message, /duplicate key/);
  assert.equal(err.key, "tools.a");
});

test("unknown key points at the key's own line", async () => {
  const err = await configError(`${BASE}tools:\n  staging-db/run_sql:\n    allow: false\n    alow: true\n`);
  assert.equal(err.line, 13);
  assert.equal(err.key, "tools.staging-db/run_sql.alow");
  assert.match(err.message, /unknown key "alow"/);
  assert.match(err.message, /p\d+\.yaml:13/);
});

test("unknown top-level key", async () => {
  const err = await configError(`${BASE}toolz: {}\n`);
  assert.equal(err.line, 10);
  assert.equal(err.key, "toolz");
});

test("wrong type names key and line", async () => {
  const err = await configError(`${BASE}tools:\n  staging-db/run_sql:\n    allow: "no"\n`);
  assert.equal(err.key, "tools.staging-db/run_sql.allow");
  assert.equal(err.line, 12);
  assert.match(err.message, /expected boolean/);
});

test("bad enum value names key and line", async () => {
  const err = await configError(`${BASE}defaults:\n  tools: maybe\n`);
  assert.equal(err.key, "defaults.tools");
  assert.equal(err.line, 11);
  assert.match(err.message, /deny/);
});

test("union branches: an unknown key in a stdio upstream is reported as such", async () => {
  const err = await configError(
    `version: 1\nupstreams:\n  a:\n    command: node\n    headers: {}\naudit: { enabled: false }\n`,
  );
  assert.equal(err.key, "upstreams.a.headers");
  assert.equal(err.line, 5);
});

test("missing required key names the key and its parent's line", async () => {
  const err = await configError("environment: dev\naudit: { enabled: false }\n");
  assert.equal(err.key, "version");
  assert.match(err.message, /required key "version" is missing/);
});

test("the first problem by line is reported, with a count of the others", async () => {
  const err = await configError(`${BASE}defaults:\n  tools: maybe\n  methods: 3\n`);
  assert.equal(err.line, 11);
  assert.match(err.message, /and 1 more/);
});

test(`missing \${env:VAR} names the variable, key and line`, async () => {
  const err = await configError(BASE, { WARDEN_AUDIT_KEY: "fake-EXAMPLE" });
  assert.equal(err.code, "ERR_CONFIG_MISSING_ENV");
  assert.match(err.message, /DB_URL/);
  assert.equal(err.key, "upstreams.staging-db.env.DATABASE_URL");
  assert.equal(err.line, 7);
});

test("an empty variable is refused like a missing one", async () => {
  const err = await configError(BASE, { ...ENV, DB_URL: "" });
  assert.equal(err.code, "ERR_CONFIG_MISSING_ENV");
  assert.match(err.message, /DB_URL is empty/);
});

test(`embedded references expand; $VAR and \${VAR} stay literal; values are not re-expanded`, async () => {
  const text = `version: 1\nupstreams:\n  a:\n    command: node\n    args: ["--x=\${env:A}-\${env:B}", "$HOME", "\${HOME}"]\naudit: { enabled: false }\n`;
  const { policy } = await loadPolicy(write(text), { A: "one", B: `\${env:A}` });
  const up = policy.upstreams.a;
  assert.ok(up && "command" in up);
  assert.deepEqual(up.args, [`--x=one-\${env:A}`, "$HOME", `\${HOME}`]);
});

test("a malformed reference is an error, not a literal", async () => {
  const err = await configError(`version: 1\nenvironment: "\${env:}"\naudit: { enabled: false }\n`);
  assert.match(err.message, /malformed/);
  assert.equal(err.line, 2);
});

test("audit enabled without hmac_key is a ConfigError", async () => {
  const err = await configError("version: 1\n");
  assert.match(err.message, /audit\.hmac_key is required unless audit\.enabled is false/);
  const ok = await loadPolicy(write("version: 1\naudit: { enabled: false }\n"), {});
  assert.equal(ok.policy.audit.enabled, false);
});

test("tool keys must name a known upstream", async () => {
  const text = `${BASE.replace("audit:", "  docs:\n    url: https://docs.example/mcp\naudit:")}tools:\n  staging-db/a: {}\n  nope/b: {}\n`;
  const err = await configError(text);
  assert.equal(err.key, "tools.nope/b");
  assert.equal(err.line, 14);
  assert.match(err.message, /unknown upstream "nope"/);
  const bare = await configError(
    `${BASE.replace("audit:", "  docs:\n    url: https://docs.example/mcp\naudit:")}tools:\n  lookup: {}\n`,
  );
  assert.match(bare.message, /bare tool name/);
});

test("rate limit tools are checked like tool keys", async () => {
  const err = await configError(`${BASE}rate_limits:\n  - { tool: other/x, limit: 5/min }\n`);
  assert.equal(err.key, "rate_limits[0].tool");
  assert.equal(err.line, 11);
});

test("files over 1 MiB are refused before parsing", async () => {
  const err = await configError(`version: 1\n#${"x".repeat(MAX_POLICY_BYTES)}\n`);
  assert.match(err.message, /larger than/);
});

test("billion laughs: alias expansion is bounded", async () => {
  const lines = ["version: 1", "audit: { enabled: false }", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  const started = Date.now();
  const err = await configError(`${lines.join("\n")}\n`);
  assert.ok(Date.now() - started < 2000);
  assert.match(err.message, /alias/i);
});

test("a __proto__ key is an unknown key, not a prototype", async () => {
  const err = await configError(`${BASE}tools:\n  a:\n    __proto__: { allow: false }\n`);
  assert.match(err.message, /unknown key "__proto__"|__proto__/);
});

test("a directory is not a policy file", async () => {
  await assert.rejects(loadPolicy(dir, ENV), { code: "ERR_CONFIG_INVALID" });
});

test("custom YAML tags and multiple documents are refused", async () => {
  const tagged = await configError("version: 1\naudit: { enabled: false }\nenvironment: !!python/object x\n");
  assert.equal(tagged.line, 3);
  const multi = await configError("version: 1\naudit: { enabled: false }\n---\nversion: 1\n");
  assert.match(multi.message, /YAML syntax error/);
});
