// HTTP front benchmark (issue 5): the SDK client over Streamable HTTP against (a) the SDK's own direct Streamable HTTP
// server and (b) mcp-warden's HTTP front (warden-token JWT verified on every request, allowlist, argument validation,
// redaction) in front of the same tool on a stdio child. Sequential p50 and throughput at concurrency 8, one run.
// mcp-proxy and supergateway are not installed here: their rows are reported as not measured.
import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { createBearerAuthenticator } from "../src/auth/bearer-authenticator.ts";
import { resourceUrl } from "../src/auth/resource-url.ts";
import { generateSigningKeyPem, loadSigningKey } from "../src/auth/signing-key.ts";
import { createWardenTokens } from "../src/auth/warden-tokens.ts";
import { NO_AUDIT } from "../src/gateway/audit-recorder.ts";
import { startHttpFront } from "../src/gateway/http-front.ts";
import { silentLogger } from "../src/gateway/logger.ts";
import {
  CallToolRequestSchema,
  Client,
  ListToolsRequestSchema,
  Server,
  StreamableHTTPClientTransport,
  StreamableHTTPServerTransport,
} from "../src/mcp/sdk.ts";
import { policySchema, upstreamSchema } from "../src/policy/schema.ts";
import { createMemoryStore } from "../src/store/memory-store.ts";
import { fmt, percentile } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SEQUENTIAL = Number(process.env.BENCH_HTTP_SEQ ?? 300);
const CONCURRENT = Number(process.env.BENCH_HTTP_CONC_CALLS ?? 600);
const CONCURRENCY = 8;

function directServer(): Promise<{ url: string; close(): Promise<void> }> {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const http: HttpServer = createServer(async (req, res) => {
    const sid = req.headers["mcp-session-id"];
    let transport = typeof sid === "string" ? transports.get(sid) : undefined;
    if (!transport) {
      const created: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse: true,
        onsessioninitialized: (id: string): void => {
          transports.set(id, created);
        },
      });
      const server = new Server({ name: "direct", version: "1.0.0" }, { capabilities: { tools: {} } });
      server.setRequestHandler(ListToolsRequestSchema, () => ({
        tools: [{ name: "echo", inputSchema: { type: "object" } }],
      }));
      server.setRequestHandler(CallToolRequestSchema, (r) => ({
        content: [{ type: "text", text: String(r.params.arguments?.message) }],
      }));
      await server.connect(created);
      transport = created;
    }
    await transport.handleRequest(req, res);
  });
  return new Promise((r) =>
    http.listen(0, "127.0.0.1", () =>
      r({
        url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
        close: () => new Promise((c) => http.close(() => c())),
      }),
    ),
  );
}

async function measure(url: string, token?: string): Promise<{ p50: number; throughput: number }> {
  const init = token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {};
  const transport = new StreamableHTTPClientTransport(new URL(url), init);
  const client = new Client({ name: "bench", version: "1.0.0" }, { capabilities: {} });
  await client.connect(transport);
  const call = () => client.callTool({ name: "echo", arguments: { message: "x".repeat(64) } });
  for (let i = 0; i < 30; i++) await call();
  const lat: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t0 = performance.now();
    await call();
    lat.push(performance.now() - t0);
  }
  lat.sort((a, b) => a - b);
  let issued = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (issued++ < CONCURRENT) await call();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const throughput = CONCURRENT / ((performance.now() - t0) / 1000);
  await transport.terminateSession().catch(() => undefined);
  await client.close();
  return { p50: percentile(lat, 50), throughput };
}

export async function runHttpBench(): Promise<string> {
  const direct = await directServer();
  const policy = policySchema.parse({
    version: 1,
    environment: "bench",
    audit: { enabled: false },
    defaults: { confirm: "never", redact: ["secrets", "pii"] },
    tools: { echo: { args: { message: { maxLength: 4096 } } } },
  });
  const tokens = createWardenTokens({
    key: loadSigningKey(generateSigningKeyPem()),
    environment: "bench",
    audience: resourceUrl(policy),
    store: createMemoryStore(),
    defaultTtlMs: 3_600_000,
    maxTtlMs: 3_600_000,
  });
  const server = [process.execPath, "--import", "tsx", join(ROOT, "bench/servers/bench-server.ts")];
  const front = await startHttpFront({
    policy,
    upstreamName: "bench",
    upstream: upstreamSchema.parse({ command: server[0], args: server.slice(1) }),
    baseDir: ROOT,
    audit: NO_AUDIT,
    logger: silentLogger(),
    host: "127.0.0.1",
    port: 0,
    bearer: createBearerAuthenticator({ warden: tokens }),
  });
  try {
    const d = await measure(direct.url);
    const g = await measure(front.url, (await tokens.issue({ sub: "bench" })).token);
    return [
      "## HTTP front (Streamable HTTP, 64 B echo)",
      "",
      "| target | p50 ms | calls/s (concurrency 8) | throughput vs direct |",
      "|---|---|---|---|",
      `| SDK direct Streamable HTTP server | ${fmt(d.p50)} | ${fmt(d.throughput, 0)} | 1.00 |`,
      `| mcp-warden HTTP front (JWT per request) → stdio | ${fmt(g.p50)} | ${fmt(g.throughput, 0)} | ${fmt(g.throughput / d.throughput)} |`,
      "| mcp-proxy, supergateway | not measured (not installed) | | |",
    ].join("\n");
  } finally {
    await front.close();
    await direct.close();
  }
}
