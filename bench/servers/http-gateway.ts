// Benchmark child: mcp-warden's HTTP front (warden-token auth, realistic policy) in its own process, in front of the
// bench server on a stdio child, so peers and mcp-warden are each one separate process and its RSS can be read alone.
// IPC protocol: the child sends { url, token } once listening; on "rss" it collects garbage and replies { rss, heap }.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fromDist } from "../from-dist.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// mcp-warden itself from the built package (see from-dist.ts).
const { createAuditLog } = await fromDist<typeof import("../../src/audit/audit-log.ts")>("audit/audit-log.js");
const { createBearerAuthenticator } =
  await fromDist<typeof import("../../src/auth/bearer-authenticator.ts")>("auth/bearer-authenticator.js");
const { resourceUrl } = await fromDist<typeof import("../../src/auth/resource-url.ts")>("auth/resource-url.js");
const { generateSigningKeyPem, loadSigningKey } =
  await fromDist<typeof import("../../src/auth/signing-key.ts")>("auth/signing-key.js");
const { createWardenTokens } =
  await fromDist<typeof import("../../src/auth/warden-tokens.ts")>("auth/warden-tokens.js");
const { startHttpFront } = await fromDist<typeof import("../../src/gateway/http-front.ts")>("gateway/http-front.js");
const { silentLogger } = await fromDist<typeof import("../../src/gateway/logger.ts")>("gateway/logger.js");
const { recorderFor } = await fromDist<typeof import("../../src/gateway/open-audit.ts")>("gateway/open-audit.js");
const { policySchema, upstreamSchema } =
  await fromDist<typeof import("../../src/policy/schema.ts")>("policy/schema.js");
const { createMemoryStore } = await fromDist<typeof import("../../src/store/memory-store.ts")>("store/memory-store.js");

const AUDIT_DIR = mkdtempSync(join(tmpdir(), "warden-http-bench-"));
process.on("exit", () => rmSync(AUDIT_DIR, { recursive: true, force: true }));
// The parent stops its targets with SIGTERM: exit normally, so the exit handler above runs.
process.on("SIGTERM", () => process.exit(0));

async function main(): Promise<void> {
  const policy = policySchema.parse({
    version: 1,
    environment: "bench",
    // Fake key, for the benchmark's own audit log (a temporary file, removed at exit).
    audit: {
      file: join(AUDIT_DIR, "audit.jsonl"),
      hmac_key: "bench-only-audit-key-0123456789abcdef",
      fail_closed: true,
    },
    defaults: { confirm: "never", redact: ["secrets", "pii"] },
    tools: { echo: { args: { message: { maxLength: 4096 } } } },
  });
  const audit = recorderFor(
    createAuditLog({
      file: policy.audit.file,
      hmacKey: policy.audit.hmac_key ?? "",
      failClosed: true,
      environment: "bench",
      sync: false,
    }),
    "bench",
  );
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
    audit,
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
