// Test helper: a real `oidc-provider` authorization server on 127.0.0.1 issuing RFC 8707 audience-bound JWT access
// tokens through the client_credentials grant, with signing-key rotation. Tests only; never imported by src/.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { type ClientMetadata, type Configuration, Provider } from "oidc-provider";

export interface TestIdpOptions {
  /** The resource (RFC 8707 resource indicator) tokens are bound to; becomes the JWT `aud`. */
  resource: string;
  /** Scopes the resource server accepts; requested scopes outside this set are dropped by the provider. */
  scopes?: readonly string[];
  accessTokenTtlSeconds?: number;
}

export interface TestIdp {
  /** Issuer identifier, e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly issuer: string;
  readonly jwksUri: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** kid of the key currently used for signing. */
  currentKid(): string;
  /** Runs the client_credentials grant (RFC 6749 §4.4) with `resource` (RFC 8707 §2) and returns the access token. */
  token(opts?: { scope?: string; resource?: string }): Promise<string>;
  /** Rotates the signing key: a new key signs from now on; the old one stays published for verification. */
  rotateKeys(): Promise<string>;
  close(): Promise<void>;
}

interface KeyState {
  signing: JWK;
  published: JWK[];
}

async function newRsaJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `test-${randomUUID()}`, alg: "RS256", use: "sig" };
}

function providerFor(issuer: string, keys: KeyState, opts: TestIdpOptions, client: ClientMetadata): Provider {
  const scope = (opts.scopes ?? ["users:read", "tickets:write"]).join(" ");
  const configuration: Configuration = {
    clients: [client],
    // The first key is the signing key; the rest are still published in the JWKS for tokens already issued.
    jwks: { keys: [keys.signing, ...keys.published] as Configuration["jwks"] extends { keys: infer K } ? K : never },
    cookies: { keys: ["FAKE-test-cookie-key-not-a-secret"] },
    ttl: { ClientCredentials: () => opts.accessTokenTtlSeconds ?? 300 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => opts.resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => ({
          scope,
          audience: resourceIndicator,
          accessTokenFormat: "jwt",
          accessTokenTTL: opts.accessTokenTtlSeconds ?? 300,
          jwt: { sign: { alg: "RS256" } },
        }),
      },
    },
  };
  return new Provider(issuer, configuration);
}

/** Starts the provider on an ephemeral loopback port. Call close() in an after() hook. */
export async function startTestIdp(opts: TestIdpOptions): Promise<TestIdp> {
  const client = {
    client_id: `test-client-${randomUUID()}`,
    client_secret: `FAKE-test-secret-${randomUUID()}`,
    grant_types: ["client_credentials"],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: "client_secret_basic",
  } satisfies ClientMetadata;
  const keys: KeyState = { signing: await newRsaJwk(), published: [] };
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const install = () => {
    handler = providerFor(issuer, keys, opts, client).callback();
  };
  install();
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    currentKid: () => String(keys.signing.kid),
    token: (t = {}) => requestToken(issuer, client, t.resource ?? opts.resource, t.scope),
    async rotateKeys() {
      keys.published = [keys.signing, ...keys.published];
      keys.signing = await newRsaJwk();
      install();
      return String(keys.signing.kid);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

async function requestToken(
  issuer: string,
  client: { client_id: string; client_secret: string },
  resource: string,
  scope: string | undefined,
): Promise<string> {
  const body = new URLSearchParams({ grant_type: "client_credentials", resource });
  if (scope) body.set("scope", scope);
  const basic = Buffer.from(
    `${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`,
  ).toString("base64");
  const res = await fetch(`${issuer}/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const json = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || !json.access_token) {
    throw new Error(`test IdP refused the token request: ${res.status} ${json.error} ${json.error_description}`);
  }
  return json.access_token;
}
