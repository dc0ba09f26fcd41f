// `mcp-warden tokens` end to end through the real CLI process: keygen, issue (stdout is the token only), list (never
// the token), revoke by jti and sub, TTL limits; a gateway-side verifier sharing the file store sees each revocation.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { wardenTokensFromPolicy } from "../../auth/warden-tokens-from-policy.ts";
import { loadPolicy } from "../../policy/load.ts";
import { createStore } from "../../store/create-store.ts";
import { main } from "../main.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-tokens-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const policyFile = join(dir, "warden.yaml");
writeFileSync(
  policyFile,
  [
    "version: 1",
    "environment: staging",
    "auth:",
    "  warden_tokens:",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy ${env:…} reference, not a template
    '    signing_key: "${env:WARDEN_SIGNING_KEY}"',
    "    default_ttl: 1h",
    "store: { kind: file, path: state }",
    "audit: { enabled: false }",
    "",
  ].join("\n"),
);
/** Runs the CLI dispatcher in-process (spawning tsx costs seconds per call on a loaded machine), capturing its text. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, { WARDEN_POLICY: policyFile }, env);
  if (!("WARDEN_SIGNING_KEY" in env)) delete process.env.WARDEN_SIGNING_KEY;
  const captured = { out: "", err: "" };
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = (stream: NodeJS.WriteStream, into: "out" | "err") =>
    ((chunk: string | Uint8Array, ...rest: never[]) => {
      // node:test's own reporter output arrives as Buffers and passes through.
      if (typeof chunk !== "string") return writes[into].call(stream, chunk, ...rest);
      captured[into] += chunk;
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(process.stdout, "out");
  process.stderr.write = capture(process.stderr, "err");
  try {
    const code = await main(args);
    return { code, ...captured };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const key = await cli(["tokens", "keygen"]);
const env = { WARDEN_SIGNING_KEY: key.out };

async function gatewayVerify(token: string) {
  const loaded = await loadPolicy(policyFile, { ...process.env, ...env });
  const store = await createStore(loaded.policy.store, { baseDir: loaded.dir });
  try {
    return await wardenTokensFromPolicy(loaded.policy, store)!.verify(token);
  } finally {
    await store.close();
  }
}

test("keygen prints an Ed25519 PKCS#8 PEM", () => {
  assert.equal(key.code, 0);
  assert.match(key.out, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
});

test("issue, list, verify, revoke by jti", { timeout: 90_000 }, async () => {
  const issued = await cli(
    ["tokens", "issue", "--sub", "alice", "--scope", "users:read", "--scope", "tickets:write"],
    env,
  );
  assert.equal(issued.code, 0, issued.err);
  const token = issued.out.trim();
  assert.match(issued.out, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, "stdout is the token and nothing else");
  const principal = await gatewayVerify(token);
  assert.deepEqual(
    [principal.sub, principal.environment, principal.scopes],
    ["alice", "staging", ["users:read", "tickets:write"]],
  );

  const listed = await cli(["tokens", "list", "--format", "json"], env);
  assert.equal(listed.code, 0, listed.err);
  const [rec] = JSON.parse(listed.out).tokens;
  assert.equal(rec.sub, "alice");
  assert.equal(rec.exp - rec.iat, 3600);
  const text = await cli(["tokens", "list"], env);
  assert.match(text.out, new RegExp(rec.jti));
  for (const out of [listed.out, text.out, issued.err])
    assert.ok(!out.includes(token.split(".")[2]!), "no token in output");

  assert.equal((await cli(["tokens", "revoke", "--jti", rec.jti], env)).code, 0);
  await assert.rejects(gatewayVerify(token), { code: "ERR_AUTH_INVALID_TOKEN" });
  assert.equal((await cli(["tokens", "revoke", "--jti", rec.jti], env)).code, 1, "already revoked");
  assert.match((await cli(["tokens", "list"], env)).out, /no live tokens/);
});

test("revoke --sub revokes every existing token of the subject", { timeout: 90_000 }, async () => {
  const t1 = (await cli(["tokens", "issue", "--sub", "bob"], env)).out.trim();
  const t2 = (await cli(["tokens", "issue", "--sub", "bob", "--ttl", "30m"], env)).out.trim();
  const r = await cli(["tokens", "revoke", "--sub", "bob"], env);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /revoked 2 token/);
  await assert.rejects(gatewayVerify(t1), { code: "ERR_AUTH_INVALID_TOKEN" });
  await assert.rejects(gatewayVerify(t2), { code: "ERR_AUTH_INVALID_TOKEN" });
});

test("usage errors exit 2: long TTL without the flag, bad TTL, revoke without a target", {
  timeout: 90_000,
}, async () => {
  const long = await cli(["tokens", "issue", "--sub", "carol", "--ttl", "48h"], env);
  assert.equal(long.code, 2);
  assert.match(long.err, /--allow-long-ttl/);
  assert.equal(long.out, "");
  assert.equal((await cli(["tokens", "issue", "--sub", "carol", "--ttl", "48h", "--allow-long-ttl"], env)).code, 0);
  assert.equal((await cli(["tokens", "issue", "--sub", "carol", "--ttl", "soon"], env)).code, 2);
  assert.equal((await cli(["tokens", "revoke"], env)).code, 2);
  assert.equal((await cli(["tokens", "issue", "--sub", "carol"], {})).code, 2, "signing key env var missing");
});
