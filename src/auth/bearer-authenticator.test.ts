// The Bearer entry point: header parsing, routing warden vs OAuth tokens, and refusals with the right codes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestIdp, type TestIdp } from "../../test/helpers/oidc-provider.ts";
import { policySchema } from "../policy/schema.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import { bearerAuthenticatorFromPolicy, createBearerAuthenticator } from "./bearer-authenticator.ts";
import { createJwtVerifier } from "./jwt-verify.ts";
import { generateSigningKeyPem } from "./signing-key.ts";
import { wardenTokensFromPolicy } from "./warden-tokens-from-policy.ts";

const RESOURCE = "https://mcp.bearer.example/mcp";
let idp: TestIdp;
before(async () => {
  idp = await startTestIdp({ resource: RESOURCE });
});
after(() => idp.close());

function setup() {
  const policy = policySchema.parse({
    version: 1,
    environment: "staging",
    auth: {
      oauth: { issuer: idp.issuer, jwks_uri: idp.jwksUri, audience: RESOURCE },
      warden_tokens: { signing_key: generateSigningKeyPem() },
    },
  });
  const store = createMemoryStore();
  return { auth: bearerAuthenticatorFromPolicy(policy, store)!, warden: wardenTokensFromPolicy(policy, store)! };
}

test("routes IdP tokens to the OAuth verifier and warden tokens to the warden verifier", async () => {
  const { auth, warden } = setup();
  assert.equal((await auth.authenticate(`Bearer ${await idp.token()}`)).iss, idp.issuer);
  const { token } = await warden.issue({ sub: "ops-bot", scopes: ["users:read"] });
  const p = await auth.authenticate(`bearer ${token}`);
  assert.deepEqual([p.iss, p.sub, p.environment], ["urn:mcp-warden", "ops-bot", "staging"]);
});

test("a warden token recognised from an earlier request still meets the revocation check", async () => {
  const { auth, warden } = setup();
  const { token, record } = await warden.issue({ sub: "leaver" });
  assert.equal((await auth.authenticate(`Bearer ${token}`)).sub, "leaver");
  // (setup() gives the authenticator its own verifier over the same store; this one learns the token the same way.)
  assert.equal(warden.verifyKnown(token), undefined);
  await warden.verify(token);
  assert.equal((await warden.verifyKnown(token))?.sub, "leaver");
  assert.equal(warden.verifyKnown(await idp.token()), undefined);
  assert.equal(await warden.registry.revokeJti(record.jti), true);
  await assert.rejects(auth.authenticate(`Bearer ${token}`), { code: "ERR_AUTH_INVALID_TOKEN" });
  assert.equal((await auth.authenticate(`Bearer ${await idp.token()}`)).iss, idp.issuer);
});

test("warden tokens bind to the same resource URL as OAuth tokens", async () => {
  const { warden } = setup();
  const { record } = await warden.issue({ sub: "x" });
  assert.equal(record.aud, RESOURCE);
});

test("missing, malformed and non-JWT credentials are refused with the right code", async () => {
  const { auth } = setup();
  await assert.rejects(auth.authenticate(undefined), { code: "ERR_AUTH_REQUIRED", httpStatus: 401 });
  await assert.rejects(auth.authenticate(""), { code: "ERR_AUTH_REQUIRED" });
  await assert.rejects(auth.authenticate("Basic dXNlcjpwYXNz"), { code: "ERR_AUTH_INVALID_TOKEN" });
  await assert.rejects(auth.authenticate("Bearer a b"), { code: "ERR_AUTH_INVALID_TOKEN" });
  await assert.rejects(auth.authenticate("Bearer notajwt"), { code: "ERR_AUTH_INVALID_TOKEN" });
});

test("a warden-looking token is refused when warden tokens are not configured", async () => {
  const { warden } = setup();
  const { token } = await warden.issue({ sub: "x" });
  const oauthOnly = createBearerAuthenticator({
    oauth: createJwtVerifier({ issuer: idp.issuer, audience: RESOURCE, jwksUri: idp.jwksUri }),
  });
  await assert.rejects(oauthOnly.authenticate(`Bearer ${token}`), { code: "ERR_AUTH_INVALID_TOKEN" });
  assert.equal(bearerAuthenticatorFromPolicy(policySchema.parse({ version: 1 }), createMemoryStore()), undefined);
});
