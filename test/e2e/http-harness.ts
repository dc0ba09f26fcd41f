// Test helper for the HTTP front e2e tests: starts the front in-process in front of a real server-everything child,
// with warden-token auth on a memory store, and offers raw HTTP helpers for attack cases.
import { request } from "node:http";
import { createBearerAuthenticator } from "../../src/auth/bearer-authenticator.ts";
import { resourceUrl } from "../../src/auth/resource-url.ts";
import { generateSigningKeyPem, loadSigningKey } from "../../src/auth/signing-key.ts";
import { createWardenTokens, type WardenTokens } from "../../src/auth/warden-tokens.ts";
import { NO_AUDIT } from "../../src/gateway/audit-recorder.ts";
import { type HttpFront, type HttpFrontOptions, startHttpFront } from "../../src/gateway/http-front.ts";
import { silentLogger } from "../../src/gateway/logger.ts";
import { policySchema, type StdioUpstreamConfig, upstreamSchema } from "../../src/policy/schema.ts";
import { createMemoryStore } from "../../src/store/memory-store.ts";
import { EVERYTHING_SERVER, REPO_ROOT } from "../helpers/gateway-client.ts";

export const POLICY = {
  version: 1,
  environment: "dev",
  audit: { enabled: false },
  defaults: { confirm: "never" },
  tools: {
    echo: {},
    "get-sum": { scopes: ["math:use"] },
    "trigger-long-running-operation": {},
    "trigger-elicitation-request": {},
  },
  listen: { max_body_bytes: 8192, header_timeout: "1s", idle_timeout: "2s" },
};

export interface Harness {
  front: HttpFront;
  tokens: WardenTokens;
  /** Another issuer with the same key and store but another audience (wrong-audience attack). */
  foreignAudience: WardenTokens;
  /** Issues a token whose clock is 2 h in the past (expired now). */
  expired: WardenTokens;
}

export async function startHarness(extra: Partial<HttpFrontOptions> = {}): Promise<Harness> {
  const policy = policySchema.parse(POLICY);
  const key = loadSigningKey(generateSigningKeyPem());
  const store = createMemoryStore();
  const base = { key, environment: "dev", store, defaultTtlMs: 3_600_000, maxTtlMs: 86_400_000 };
  const tokens = createWardenTokens({ ...base, audience: resourceUrl(policy) });
  const foreignAudience = createWardenTokens({ ...base, audience: "https://other.example/mcp" });
  const expired = createWardenTokens({ ...base, audience: resourceUrl(policy), now: () => Date.now() - 7_200_000 });
  const upstream = upstreamSchema.parse({
    command: EVERYTHING_SERVER[0],
    args: EVERYTHING_SERVER.slice(1),
  }) as StdioUpstreamConfig;
  const front = await startHttpFront({
    policy,
    upstreamName: "default",
    upstream,
    baseDir: REPO_ROOT,
    audit: NO_AUDIT,
    logger: silentLogger(),
    host: "127.0.0.1",
    port: 0,
    bearer: createBearerAuthenticator({ warden: tokens }),
    ...extra,
  });
  return { front, tokens, foreignAudience, expired };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (lets tests set Host, which fetch forbids). */
export function raw(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: opts.method ?? "POST",
        headers: opts.headers ?? {},
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

export function initializeBody(id = 1): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  });
}
