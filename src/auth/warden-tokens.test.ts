// Warden tokens: issue/verify round trip, registry contents, revocation by jti and by sub, TTL limits, and the attacks
// (revoked, other environment, wrong audience, expired, tampered, alg none, HS256 with the public key, foreign key).
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { PolicyError, UsageError } from "../errors.ts";
import { createFileStore } from "../store/file-store.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import type { WardenStore } from "../store/types.ts";
import { authReason } from "./auth-error.ts";
import { generateSigningKeyPem, loadSigningKey } from "./signing-key.ts";
import { createWardenTokens, type WardenTokensOptions } from "./warden-tokens.ts";

const key = loadSigningKey(generateSigningKeyPem());
const HOUR = 3_600_000;
const tokens = (store: WardenStore, extra: Partial<WardenTokensOptions> = {}) =>
  createWardenTokens({
    key,
    environment: "staging",
    audience: "https://mcp.staging.example/mcp",
    store,
    defaultTtlMs: 8 * HOUR,
    maxTtlMs: 24 * HOUR,
    ...extra,
  });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const claimsOf = (t: string) => JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString());

async function refused(promise: Promise<unknown>, code: string, reason?: RegExp): Promise<void> {
  const err = await promise.then(
    () => assert.fail("the token was accepted"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof PolicyError, String(err));
  assert.equal(err.code, code);
  if (reason) assert.match(authReason(err) ?? "", reason);
}

test("issue then verify gives the principal; the default TTL is 8h", async () => {
  const t = tokens(createMemoryStore());
  const { token, record } = await t.issue({ sub: "alice@example.com", scopes: ["users:read", "tickets:write"] });
  const claims = claimsOf(token);
  assert.equal(claims.exp - claims.iat, 8 * 3600);
  assert.equal(claims.environment, "staging");
  assert.equal(claims.aud, "https://mcp.staging.example/mcp");
  assert.equal(claims.jti, record.jti);
  assert.deepEqual(await t.verify(token), {
    sub: "alice@example.com",
    iss: "urn:mcp-warden",
    client_id: undefined,
    scopes: ["users:read", "tickets:write"],
    environment: "staging",
  });
});

test("the registry lists live tokens and never stores the token itself", async () => {
  const store = createMemoryStore();
  const t = tokens(store);
  const { token } = await t.issue({ sub: "bob", scopes: ["users:read"] });
  const listed = await t.registry.list();
  assert.equal(listed.length, 1);
  assert.equal(listed[0]?.sub, "bob");
  for (const entry of await store.list("")) assert.ok(!entry.value.includes(token.split(".")[2]!));
});

test("attack: a revoked token (by jti) is refused on its next use", async () => {
  const t = tokens(createMemoryStore());
  const { token, record } = await t.issue({ sub: "carol" });
  await t.verify(token);
  assert.equal(await t.registry.revokeJti(record.jti), true);
  await refused(t.verify(token), "ERR_AUTH_INVALID_TOKEN", /revoked/);
  assert.equal(await t.registry.revokeJti("no-such-jti"), false);
});

test("revoke by sub (offboarding) revokes every existing token of that sub only; later ones are valid", async () => {
  const t = tokens(createMemoryStore());
  const a1 = await t.issue({ sub: "dave" });
  const a2 = await t.issue({ sub: "dave", scopes: ["x"] });
  const other = await t.issue({ sub: "erin" });
  assert.equal(await t.registry.revokeSub("dave"), 2);
  await refused(t.verify(a1.token), "ERR_AUTH_INVALID_TOKEN", /revoked/);
  await refused(t.verify(a2.token), "ERR_AUTH_INVALID_TOKEN", /revoked/);
  assert.equal((await t.verify(other.token)).sub, "erin");
  const later = await t.issue({ sub: "dave" });
  assert.equal((await t.verify(later.token)).sub, "dave");
});

test("revocation written by one process is seen by another through the file store", async () => {
  const dir = await mkdtemp(join(tmpdir(), "warden-tokens-"));
  after(() => rm(dir, { recursive: true, force: true }));
  const cli = tokens(await createFileStore({ path: dir }));
  const gateway = tokens(await createFileStore({ path: dir }));
  const { token, record } = await cli.issue({ sub: "frank" });
  assert.equal((await gateway.verify(token)).sub, "frank");
  await cli.registry.revokeJti(record.jti);
  await refused(gateway.verify(token), "ERR_AUTH_INVALID_TOKEN", /revoked/);
});

test("attack: a token of another environment is refused", async () => {
  const store = createMemoryStore();
  const { token } = await tokens(store, { environment: "staging" }).issue({ sub: "gina" });
  await refused(tokens(store, { environment: "production" }).verify(token), "ERR_AUTH_WRONG_ENVIRONMENT");
});

test("attack: wrong audience, expired, unregistered and foreign-key tokens are refused", async () => {
  const store = createMemoryStore();
  const { token } = await tokens(store).issue({ sub: "hal" });
  await refused(
    tokens(store, { audience: "https://other.example/mcp" }).verify(token),
    "ERR_AUTH_INVALID_TOKEN",
    /aud/,
  );
  const past = Date.now() - 10 * 60_000;
  const old = await tokens(store, { now: () => past }).issue({ sub: "hal", ttlMs: 60_000 });
  await refused(tokens(store).verify(old.token), "ERR_AUTH_INVALID_TOKEN", /EXPIRED/);
  await refused(tokens(createMemoryStore()).verify(token), "ERR_AUTH_INVALID_TOKEN", /not registered/);
  const foreign = createWardenTokens({
    key: loadSigningKey(generateSigningKeyPem()),
    environment: "staging",
    audience: "https://mcp.staging.example/mcp",
    store,
    defaultTtlMs: HOUR,
    maxTtlMs: HOUR,
  });
  const forged = await foreign.issue({ sub: "hal" });
  await refused(tokens(store).verify(forged.token), "ERR_AUTH_INVALID_TOKEN", /SIGNATURE/);
});

test("attack: tampered payload, alg none and HS256 keyed with the public key are refused", async () => {
  const store = createMemoryStore();
  const t = tokens(store);
  const { token } = await t.issue({ sub: "ivan", scopes: ["users:read"] });
  const [h, p, s] = token.split(".");
  const escalated = b64({ ...claimsOf(token), scope: "users:read admin" });
  await refused(t.verify(`${h}.${escalated}.${s}`), "ERR_AUTH_INVALID_TOKEN", /SIGNATURE/);
  await refused(t.verify(`${b64({ alg: "none" })}.${p}.`), "ERR_AUTH_INVALID_TOKEN");
  const pem = key.publicKey.export({ type: "spki", format: "pem" }).toString();
  const input = `${b64({ alg: "HS256", typ: "JWT" })}.${escalated}`;
  const mac = createHmac("sha256", pem).update(input).digest("base64url");
  await refused(t.verify(`${input}.${mac}`), "ERR_AUTH_INVALID_TOKEN", /ALG_NOT_ALLOWED/);
});

test("a store failure refuses the token (503), never admits it", async () => {
  const store = createMemoryStore();
  const t = tokens(store);
  const { token } = await t.issue({ sub: "judy" });
  await store.close();
  const err = await t.verify(token).catch((e: unknown) => e);
  assert.ok(err instanceof PolicyError);
  assert.equal(err.code, "ERR_AUTH_UNAVAILABLE");
  assert.equal(err.httpStatus, 503);
});

test("a TTL above max_ttl needs allowLongTtl; bad subjects and scopes are usage errors", async () => {
  const t = tokens(createMemoryStore());
  await assert.rejects(t.issue({ sub: "k", ttlMs: 48 * HOUR }), UsageError);
  const long = await t.issue({ sub: "k", ttlMs: 48 * HOUR, allowLongTtl: true });
  assert.equal(claimsOf(long.token).exp - claimsOf(long.token).iat, 48 * 3600);
  await assert.rejects(t.issue({ sub: "k", ttlMs: 400 * 24 * HOUR, allowLongTtl: true }), UsageError);
  await assert.rejects(t.issue({ sub: "bad\nsub" }), UsageError);
  await assert.rejects(t.issue({ sub: "k", scopes: ["has space"] }), UsageError);
  await assert.rejects(t.issue({ sub: "k", scopes: ['quote"'] }), UsageError);
});

test("the signing key must be an Ed25519 PKCS#8 PEM; one-line \\n-escaped PEMs are accepted", () => {
  const pem = generateSigningKeyPem();
  assert.equal(loadSigningKey(pem.replaceAll("\n", "\\n")).privateKey.asymmetricKeyType, "ed25519");
  assert.throws(() => loadSigningKey("FAKE-not-a-key"), { code: "ERR_CONFIG_INVALID" });
  assert.throws(() => loadSigningKey("-----BEGIN PRIVATE KEY-----\nFAKE\n-----END PRIVATE KEY-----\n"), {
    code: "ERR_CONFIG_INVALID",
  });
});

test("a token verified once (and remembered) is refused once it expires, and a tampered copy is never served from memory", async () => {
  let clock = Date.now();
  const t = tokens(createMemoryStore(), { now: () => clock, clockSkewMs: 30_000 });
  const { token } = await t.issue({ sub: "ivan", ttlMs: 60_000 });
  assert.equal((await t.verify(token)).sub, "ivan");
  assert.equal((await t.verify(token)).sub, "ivan");
  const [h, , s] = token.split(".") as [string, string, string];
  const forged = `${h}.${b64({ ...claimsOf(token), sub: "mallory" })}.${s}`;
  await refused(t.verify(forged), "ERR_AUTH_INVALID_TOKEN");
  clock += 60_000 + 31_000;
  await refused(t.verify(token), "ERR_AUTH_INVALID_TOKEN", /exp/);
});
