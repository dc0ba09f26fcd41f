// Tests for literal-secret refusal: secret keys, secret-named env/headers, token shapes; values never echoed.
// Every token-looking string below is a fake fixture (contains FAKE / EXAMPLE) built to match the shapes only.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ALPHA, fake } from "../detect/fixtures/fake.ts";
import { ConfigError } from "../errors.ts";
import { credentialShape, findLiteralSecret, isSecretName } from "./literal-secrets.ts";
import { loadPolicy } from "./load.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-secrets-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const FAKE_GITHUB = `ghp_${"FAKE0EXAMPLE".repeat(3)}`;
const FAKE_OPENAI = "sk-FAKEEXAMPLEFAKEEXAMPLE0123";
const FAKE_AWS = "AKIAFAKEEXAMPLE00000";

async function refused(text: string): Promise<ConfigError> {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const err = await loadPolicy(file, { K: "fake-EXAMPLE" }).then(
    () => assert.fail("expected a literal-secret error"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ConfigError);
  assert.equal(err.code, "ERR_CONFIG_LITERAL_SECRET");
  return err;
}

test(`audit.hmac_key must come entirely from \${env:…}`, async () => {
  for (const value of ["hunter2-FAKE", `prefix-\${env:K}`]) {
    const err = await refused(`version: 1\naudit:\n  hmac_key: "${value}"\n`);
    assert.equal(err.key, "audit.hmac_key");
    assert.equal(err.line, 3);
    assert.ok(!err.message.includes("hunter2"), "the value is never echoed");
  }
});

test(`auth.warden_tokens.signing_key must come entirely from \${env:…}`, async () => {
  const err = await refused(
    `version: 1\naudit: { enabled: false }\nauth:\n  warden_tokens:\n    signing_key: "FAKE-PEM"\n`,
  );
  assert.equal(err.key, "auth.warden_tokens.signing_key");
  assert.equal(err.line, 5);
});

test("a secret-named env variable with a literal value is refused", async () => {
  const err = await refused(
    `version: 1\naudit: { enabled: false }\nupstreams:\n  gh:\n    command: x\n    env:\n      LOG_LEVEL: debug\n      GITHUB_TOKEN: not-a-real-token-FAKE\n`,
  );
  assert.equal(err.key, "upstreams.gh.env.GITHUB_TOKEN");
  assert.equal(err.line, 8);
  assert.ok(!err.message.includes("not-a-real-token"));
});

test(`a literal Authorization header is refused; one built from \${env:…} is accepted`, async () => {
  const err = await refused(
    `version: 1\naudit: { enabled: false }\nupstreams:\n  d:\n    url: https://d.example/mcp\n    headers: { Authorization: "Bearer FAKEEXAMPLEFAKEEXAMPLE" }\n`,
  );
  assert.equal(err.key, "upstreams.d.headers.Authorization");
  const file = join(dir, "ok.yaml");
  writeFileSync(
    file,
    `version: 1\naudit: { enabled: false }\nupstreams:\n  d:\n    url: https://d.example/mcp\n    headers: { Authorization: "Bearer \${env:K}", X-Trace: on }\n`,
  );
  const { policy } = await loadPolicy(file, { K: "fake-EXAMPLE" });
  const up = policy.upstreams.d;
  assert.ok(up && "url" in up);
  assert.equal(up.headers.Authorization, "Bearer fake-EXAMPLE");
});

test("token shapes are refused anywhere, even under innocent names", async () => {
  for (const token of [FAKE_GITHUB, FAKE_OPENAI, FAKE_AWS]) {
    const err = await refused(
      `version: 1\naudit: { enabled: false }\nupstreams:\n  a:\n    command: x\n    args: ["--flag", "${token}"]\n`,
    );
    assert.equal(err.key, "upstreams.a.args[1]");
    assert.equal(err.line, 6);
    assert.ok(!err.message.includes(token));
  }
});

test("a URL with a literal password is refused; an env password is not", () => {
  assert.equal(credentialShape("postgres://app:FAKEpw@db/x"), "a URL with a literal password");
  assert.equal(credentialShape(`postgres://app:\${env:PW}@db/x`), undefined);
  assert.equal(credentialShape("https://example.com/a:b"), undefined);
});

test("a JSON Web Token shape is recognised", () => {
  // Fake fixture: base64url of {"alg":"none"} and {"sub":"FAKE-EXAMPLE"}, no signature.
  const jwt = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"FAKE-EXAMPLE"}').toString("base64url")}.FAKE`;
  assert.equal(credentialShape(`token ${jwt}`), "a JSON Web Token");
});

test("secret names", () => {
  for (const name of ["GITHUB_TOKEN", "DB_PASSWORD", "OPENAI_API_KEY", "AWS_SECRET_ACCESS_KEY", "Authorization"]) {
    assert.ok(isSecretName(name), name);
  }
  for (const name of ["X-Api-Key", "apiKey", "clientSecret", "SLACK_CREDENTIALS", "Cookie"]) {
    assert.ok(isSecretName(name), name);
  }
  for (const name of ["LOG_LEVEL", "KEY_ID", "TOKEN_URL", "PUBLIC_KEY", "PATH", "Content-Type", "AWS_REGION"]) {
    assert.ok(!isSecretName(name), name);
  }
});

test("ordinary values pass", () => {
  const tree = {
    version: 1,
    upstreams: { a: { command: "node", args: ["sk-short", "--disk-size=10"], env: { MODE: "ro", API_KEY: "" } } },
    tools: { "a/x": { args: { q: { pattern: "^sk-[a-z]+$" } } } },
  };
  assert.equal(findLiteralSecret(tree), undefined);
});

test("a non-string secret key value is refused too", () => {
  assert.deepEqual(findLiteralSecret({ audit: { hmac_key: 12345 } })?.path, ["audit", "hmac_key"]);
});

test("shape patterns stay linear on hostile input", () => {
  const hostile = [`${"a".repeat(50_000)}://`, `bearer ${" ".repeat(50_000)}`, `x://${":".repeat(50_000)}`];
  const started = Date.now();
  for (const text of hostile) credentialShape(text);
  assert.ok(Date.now() - started < 500, "shape checks must not backtrack");
});

test("the shared secret detectors (src/detect) are used too", () => {
  // A Hugging Face-shaped fake: not among the loader's own shapes, recognised by the detector engine.
  const token = `hf_FAKE${fake(ALPHA, 30, "policy-hf")}`;
  assert.match(credentialShape(`--token-arg ${token}`) ?? "", /detector huggingface-token/);
});
