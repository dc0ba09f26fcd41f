// Benchmark child: mcp-warden's HTTP front (warden-token auth, realistic policy) in its own process, in front of the
// bench server on a stdio child, so peers and mcp-warden are each one separate process and its RSS can be read alone.
// IPC protocol: the child sends { url, token } once listening; on "rss" it collects garbage and replies { rss, heap }.
import { join, resolve } from "node:path";
import { createBearerAuthenticator } from "../../src/auth/bearer-authenticator.ts";
import { resourceUrl } from "../../src/auth/resource-url.ts";
import { generateSigningKeyPem, loadSigningKey } from "../../src/auth/signing-key.ts";
import { createWardenTokens } from "../../src/auth/warden-tokens.ts";
import { NO_AUDIT } from "../../src/gateway/audit-recorder.ts";
import { startHttpFront } from "../../src/gateway/http-front.ts";
import { silentLogger } from "../../src/gateway/logger.ts";
import { policySchema, upstreamSchema } from "../../src/policy/schema.ts";
import { createMemoryStore } from "../../src/store/memory-store.ts";

const ROOT = resolve(import.meta.dirname, "../..");

async function main(): Promise<void> {
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
  const front = await startHttpFront({
    policy,
    upstreamName: "bench",
    upstream: upstreamSchema.parse({
      command: process.execPath,
      args: ["--import", "tsx", join(ROOT, "bench/servers/bench-server.ts")],
    }),
    baseDir: ROOT,
    audit: NO_AUDIT,
    logger: silentLogger(),
    host: "127.0.0.1",
    port: 0,
    bearer: createBearerAuthenticator({ warden: tokens }),
  });
  const { token } = await tokens.issue({ sub: "bench" });
  process.on("message", (msg) => {
    if (msg !== "rss") return;
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ rss, heap: heapUsed });
  });
  process.on("disconnect", () => {
    front.close().finally(() => process.exit(0));
  });
  process.send?.({ url: front.url, token });
}

await main();
