// e2e: OAuth 2.1 resource server. A real authorization server (oidc-provider) issues audience-bound JWT access
// tokens; the SDK client presents them to the HTTP front in front of a real upstream.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { bearerAuthenticatorFromPolicy } from "../../src/auth/bearer-authenticator.ts";
import { Client, StreamableHTTPClientTransport } from "../../src/mcp/sdk.ts";
import { policySchema } from "../../src/policy/schema.ts";
import { createMemoryStore } from "../../src/store/memory-store.ts";
import { startTestIdp, type TestIdp } from "../helpers/oidc-provider.ts";
import { type Harness, initializeBody, JSON_HEADERS, POLICY, raw, startHarness } from "./http-harness.ts";

const RESOURCE = "https://mcp.test.example/mcp";

describe("HTTP front as an OAuth resource server", { timeout: 60_000 }, () => {
  let idp: TestIdp;
  let h: Harness;
  before(async () => {
    idp = await startTestIdp({ resource: RESOURCE, scopes: ["math:use"] });
    const policy = policySchema.parse({
      ...POLICY,
      auth: { oauth: { issuer: idp.issuer, jwks_uri: idp.jwksUri, audience: RESOURCE } },
    });
    h = await startHarness({ policy, bearer: bearerAuthenticatorFromPolicy(policy, createMemoryStore()) });
  });
  after(async () => {
    await h.front.close();
    await idp.close();
  });

  test("the SDK client with an IdP token reaches the scoped tool", async () => {
    const token = await idp.token({ scope: "math:use" });
    const transport = new StreamableHTTPClientTransport(new URL(h.front.url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    const client = new Client({ name: "oauth-e2e", version: "1.0.0" }, { capabilities: {} });
    await client.connect(transport);
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    assert.deepEqual(names, ["echo", "get-sum", "trigger-long-running-operation"]);
    const res = await client.callTool({ name: "get-sum", arguments: { a: 20, b: 22 } });
    assert.match(JSON.stringify(res.content), /42/);
    await transport.terminateSession();
    await client.close();
  });

  test("a token for another resource, or HS256 signed with the public key, gets 401 and no upstream", async () => {
    const other = await idp.token({ resource: "https://other.example/mcp" });
    const jwks = (await (await fetch(idp.jwksUri)).json()) as { keys: Record<string, unknown>[] };
    const [, payload] = (await idp.token()).split(".");
    const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: jwks.keys[0]?.kid })).toString(
      "base64url",
    );
    const sig = createHmac("sha256", JSON.stringify(jwks.keys[0])).update(`${header}.${payload}`).digest("base64url");
    const sessions = h.front.sessionCount;
    for (const token of [other, `${header}.${payload}.${sig}`]) {
      const res = await raw(h.front.url, {
        headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
        body: initializeBody(),
      });
      assert.equal(res.status, 401, res.body);
      assert.match(String(res.headers["www-authenticate"]), /error="invalid_token"/);
    }
    assert.equal(h.front.sessionCount, sessions, "no session, no upstream");
  });

  test("protected resource metadata names the issuer, the resource and the scopes", async () => {
    const res = await raw(new URL("/.well-known/oauth-protected-resource/mcp", h.front.url).href, {
      method: "GET",
      headers: {},
    });
    assert.equal(res.status, 200);
    const doc = JSON.parse(res.body);
    assert.equal(doc.resource, RESOURCE);
    assert.deepEqual(doc.authorization_servers, [idp.issuer]);
    assert.deepEqual(doc.scopes_supported, ["math:use"]);
  });
});
