// Protected Resource Metadata (RFC 9728) and Bearer challenges (RFC 6750 §3) for the HTTP front.
import assert from "node:assert/strict";
import { test } from "node:test";
import { policySchema } from "../policy/schema.ts";
import { authError } from "./auth-error.ts";
import {
  bearerChallenge,
  challengeFor,
  metadataFromPolicy,
  metadataPaths,
  protectedResourceMetadata,
  resourceMetadataUrl,
} from "./resource-metadata.ts";

const RESOURCE = "https://mcp.example.test/mcp";
const META = resourceMetadataUrl(RESOURCE);

test("metadata is served path-inserted (RFC 9728 §3.1) and at the root", () => {
  assert.deepEqual(metadataPaths(RESOURCE), [
    "/.well-known/oauth-protected-resource/mcp",
    "/.well-known/oauth-protected-resource",
  ]);
  assert.deepEqual(metadataPaths("https://mcp.example.test/"), ["/.well-known/oauth-protected-resource"]);
  assert.equal(META, "https://mcp.example.test/.well-known/oauth-protected-resource/mcp");
});

test("the document names the resource, its authorization servers and scopes", () => {
  assert.deepEqual(
    protectedResourceMetadata({
      resource: RESOURCE,
      authorizationServers: ["https://idp.test"],
      scopesSupported: ["a"],
    }),
    {
      resource: RESOURCE,
      authorization_servers: ["https://idp.test"],
      bearer_methods_supported: ["header"],
      scopes_supported: ["a"],
    },
  );
});

test("metadata from a policy collects tool scopes", () => {
  const policy = policySchema.parse({
    version: 1,
    auth: { oauth: { issuer: "https://idp.test", audience: RESOURCE } },
    tools: { "db/a": { scopes: ["users:read"] }, "db/b": { scopes: ["tickets:write", "users:read"] } },
  });
  assert.deepEqual(metadataFromPolicy(policy)?.scopes_supported, ["tickets:write", "users:read"]);
  assert.equal(metadataFromPolicy(policySchema.parse({ version: 1 })), undefined);
});

test("401 without a token carries only resource_metadata; a bad token says invalid_token", () => {
  assert.deepEqual(challengeFor(authError("ERR_AUTH_REQUIRED", "none"), META), {
    status: 401,
    header: `Bearer resource_metadata="${META}"`,
  });
  const bad = challengeFor(authError("ERR_AUTH_INVALID_TOKEN", "expired"), META);
  assert.equal(bad.status, 401);
  assert.match(bad.header ?? "", /error="invalid_token"/);
  assert.doesNotMatch(bad.header ?? "", /expired/, "the operator reason is not sent");
});

test("403 insufficient_scope names the scopes needed to step up", () => {
  const r = challengeFor(authError("ERR_AUTH_INSUFFICIENT_SCOPE", "needs tickets:write"), META, ["tickets:write"]);
  assert.equal(r.status, 403);
  assert.equal(r.header, `Bearer resource_metadata="${META}", error="insufficient_scope", scope="tickets:write"`);
});

test("503 unavailable gets no challenge; header values cannot be broken out of", () => {
  assert.deepEqual(challengeFor(authError("ERR_AUTH_UNAVAILABLE", "jwks down"), META), {
    status: 503,
    header: undefined,
  });
  const h = bearerChallenge({ resourceMetadata: 'x"\r\nSet-Cookie: a=b\\', error: "invalid_token" });
  assert.equal(h, 'Bearer resource_metadata="x\\"Set-Cookie: a=b\\\\", error="invalid_token"');
});
