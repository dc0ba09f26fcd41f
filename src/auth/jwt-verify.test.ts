// OAuth access-token verification against a real oidc-provider: happy path, discovery, key rotation, and the attacks
// of issue 5 (alg none, HS256 with the RSA public key, wrong aud/iss, expired, unknown kid, tampered payload).
import assert from "node:assert/strict";
import { createHmac, createPublicKey } from "node:crypto";
import { after, before, test } from "node:test";
import { generateKeyPair, type JWK, SignJWT } from "jose";
import { startTestIdp, type TestIdp } from "../../test/helpers/oidc-provider.ts";
import { ConfigError, PolicyError } from "../errors.ts";
import { authReason } from "./auth-error.ts";
import { createJwtVerifier, type JwtVerifierOptions } from "./jwt-verify.ts";

const RESOURCE = "https://mcp.test.example/mcp";
let idp: TestIdp;
before(async () => {
  idp = await startTestIdp({ resource: RESOURCE, scopes: ["users:read", "tickets:write"] });
});
after(() => idp.close());

const verifier = (extra: Partial<JwtVerifierOptions> = {}) =>
  createJwtVerifier({
    issuer: idp.issuer,
    audience: RESOURCE,
    jwksUri: idp.jwksUri,
    environment: "staging",
    jwksCooldownMs: 0,
    ...extra,
  });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

async function refused(promise: Promise<unknown>, code: string, reason?: RegExp): Promise<PolicyError> {
  const err = await promise.then(
    () => assert.fail("the token was accepted"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof PolicyError, `expected PolicyError, got ${String(err)}`);
  assert.equal(err.code, code);
  assert.equal(err.httpStatus, code === "ERR_AUTH_UNAVAILABLE" ? 503 : 401);
  if (reason) assert.match(authReason(err) ?? "", reason);
  return err;
}

test("a token from the real IdP verifies into a principal", async () => {
  const token = await idp.token({ scope: "users:read" });
  const principal = await verifier().verify(token);
  assert.equal(principal.iss, idp.issuer);
  assert.equal(principal.sub, idp.clientId);
  assert.equal(principal.client_id, idp.clientId);
  assert.deepEqual(principal.scopes, ["users:read"]);
  assert.equal(principal.environment, "staging");
});

test("without jwks_uri the key set is discovered from the issuer's metadata", async () => {
  const principal = await verifier({ jwksUri: undefined }).verify(await idp.token());
  assert.equal(principal.sub, idp.clientId);
});

test("key rotation: a token signed with a new kid verifies after a JWKS refetch", async () => {
  const v = verifier({ jwksCooldownMs: 50 });
  const before = await idp.token();
  await v.verify(before);
  const newKid = await idp.rotateKeys();
  const rotated = await idp.token();
  assert.equal(JSON.parse(Buffer.from(rotated.split(".")[0]!, "base64url").toString()).kid, newKid);
  await new Promise((r) => setTimeout(r, 60));
  assert.equal((await v.verify(rotated)).sub, idp.clientId);
  assert.equal((await v.verify(before)).sub, idp.clientId, "the old key is still published");
});

test("attack: alg none is refused", async () => {
  const good = (await idp.token()).split(".");
  const forged = `${b64({ alg: "none", typ: "at+jwt" })}.${good[1]}.`;
  await refused(verifier().verify(forged), "ERR_AUTH_INVALID_TOKEN");
});

test("attack: HS256 signed with the issuer's RSA public key is refused (algorithm confusion)", async () => {
  const jwks = (await (await fetch(idp.jwksUri)).json()) as { keys: JWK[] };
  const jwk = jwks.keys[0]!;
  const pem = createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" })
    .export({ type: "spki", format: "pem" })
    .toString();
  const payload = JSON.parse(Buffer.from((await idp.token()).split(".")[1]!, "base64url").toString());
  const input = `${b64({ alg: "HS256", typ: "at+jwt", kid: jwk.kid })}.${b64({ ...payload, scope: "admin" })}`;
  const sig = createHmac("sha256", pem).update(input).digest("base64url");
  await refused(verifier().verify(`${input}.${sig}`), "ERR_AUTH_INVALID_TOKEN", /ALG_NOT_ALLOWED/);
});

test("attack: a token for another resource (audience) is refused", async () => {
  const token = await idp.token({ resource: "https://other.test.example/mcp" });
  await refused(verifier().verify(token), "ERR_AUTH_INVALID_TOKEN", /claim aud/);
});

test("attack: a token from another issuer is refused", async () => {
  await refused(verifier({ issuer: `${idp.issuer}/other` }).verify(await idp.token()), "ERR_AUTH_INVALID_TOKEN", /iss/);
});

test("attack: a token signed by a key outside the JWKS (unknown kid) is refused", async () => {
  const { privateKey } = await generateKeyPair("RS256");
  const token = await new SignJWT({ scope: "users:read", client_id: "evil" })
    .setProtectedHeader({ alg: "RS256", kid: "attacker-kid", typ: "at+jwt" })
    .setIssuer(idp.issuer)
    .setAudience(RESOURCE)
    .setSubject("evil")
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
  await refused(verifier().verify(token), "ERR_AUTH_INVALID_TOKEN", /NO_MATCHING_KEY/);
});

test("attack: a tampered payload is refused", async () => {
  const [h, p, s] = (await idp.token({ scope: "users:read" })).split(".");
  const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
  const tampered = `${h}.${b64({ ...claims, scope: "users:read tickets:write" })}.${s}`;
  await refused(verifier().verify(tampered), "ERR_AUTH_INVALID_TOKEN", /SIGNATURE/);
});

test("attack: an expired token is refused", { timeout: 20_000 }, async () => {
  const shortIdp = await startTestIdp({ resource: RESOURCE, accessTokenTtlSeconds: 1 });
  try {
    const token = await shortIdp.token();
    await new Promise((r) => setTimeout(r, 2100));
    const v = createJwtVerifier({
      issuer: shortIdp.issuer,
      audience: RESOURCE,
      jwksUri: shortIdp.jwksUri,
      clockSkewMs: 0,
    });
    await refused(v.verify(token), "ERR_AUTH_INVALID_TOKEN", /EXPIRED/);
  } finally {
    await shortIdp.close();
  }
});

test("garbage, oversized and empty tokens are refused without a key fetch", async () => {
  await refused(verifier().verify("not.a.jwt"), "ERR_AUTH_INVALID_TOKEN");
  await refused(verifier().verify("x".repeat(10_000)), "ERR_AUTH_INVALID_TOKEN", /length/);
  await refused(verifier().verify(""), "ERR_AUTH_INVALID_TOKEN");
});

test("an unreachable key set is 503 unavailable, never an accepted token", async () => {
  const v = verifier({ jwksUri: "http://127.0.0.1:1/jwks", jwksTimeoutMs: 1000 });
  await refused(v.verify(await idp.token()), "ERR_AUTH_UNAVAILABLE");
});

test("HMAC or none in the configured algorithms is a configuration error", () => {
  assert.throws(() => verifier({ algorithms: ["RS256", "HS256"] }), ConfigError);
  assert.throws(() => verifier({ algorithms: ["none"] }), ConfigError);
});

test("the test IdP publishes only public keys", async () => {
  const jwks = (await (await fetch(idp.jwksUri)).json()) as { keys: JWK[] };
  for (const k of jwks.keys) assert.equal(k.d, undefined);
});

test("issuer and jwks_uri must be https except on loopback", () => {
  assert.throws(() => verifier({ jwksUri: "http://idp.example.test/jwks" }), ConfigError);
  assert.throws(() => verifier({ issuer: "http://idp.example.test" }), ConfigError);
  assert.doesNotThrow(() => verifier({ issuer: "https://idp.example.test", jwksUri: "https://idp.example.test/jwks" }));
});
