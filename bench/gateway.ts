// Gateway benchmark (issue: stdio gateway): direct stdio vs mcp-warden (realistic policy: allowlist, pins, argument
// validation, redaction, audit log with durability `write`) vs two peers without policy — a bare parse-and-forward
// relay (the floor any message-level gateway pays here) and an SDK Client+Server proxy — for a 64 B echo and a 64 KiB
// result.
// Sequential p50/p99 and throughput at concurrency 16, median of several rounds, all measured in this one run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fmt, median, percentile } from "./stats.ts";
import { startRawClient } from "./stdio-client.ts";

const ROOT = resolve(import.meta.dirname, "..");
// tsx by absolute URL: the gateway starts a policy upstream in the policy's directory, outside this package.
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const SERVER = [process.execPath, "--import", TSX, join(ROOT, "bench/servers/bench-server.ts")];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SEQUENTIAL_CALLS = Number(process.env.BENCH_SEQ ?? 1000);
const CONCURRENT_CALLS = Number(process.env.BENCH_CONC_CALLS ?? 3000);
const CONCURRENCY = 16;
// Calls at concurrency before each measurement (every target is a new process): measured at steady state (JIT-compiled),
// as a gateway serving an agent for hours is, not while its code is still being compiled.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);

// Pinned tools (the bench pins them first), read-only by their pinned annotations, so no confirmation is asked.
const POLICY = `
version: 1
environment: bench
upstreams:
  bench: { command: "${process.execPath}", args: ${JSON.stringify(SERVER.slice(1))} }
audit: { file: ./audit.jsonl, hmac_key: "\${env:WARDEN_AUDIT_KEY}", fail_closed: true }
defaults: { max_response_bytes: 1048576, redact: [secrets, pii] }
tools:
  echo: { args: { message: { maxLength: 4096 } } }
  blob: { args: { bytes: { maximum: 1048576 } } }
`;

interface Target {
  name: string;
  command: string[];
}

interface Sample {
  p50: number;
  p99: number;
  throughput: number;
}

type Workload = { label: string; tool: string; args: Record<string, unknown> };

const WORKLOADS: Workload[] = [
  { label: "echo 64 B", tool: "echo", args: { message: "x".repeat(64) } },
  { label: "result 64 KiB", tool: "blob", args: { bytes: 65_536 } },
];

async function measure(target: Target, work: Workload, env: NodeJS.ProcessEnv, cwd: string): Promise<Sample> {
  const [command, ...args] = target.command;
  const client = await startRawClient(command!, args, { ...env, PWD: cwd });
  const call = () => client.call("tools/call", { name: work.tool, arguments: work.args });
  await concurrently(call, WARMUP);
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL_CALLS; i++) {
    const t0 = performance.now();
    await call();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const t0 = performance.now();
  await concurrently(call, CONCURRENT_CALLS);
  const throughput = CONCURRENT_CALLS / ((performance.now() - t0) / 1000);
  await client.close();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), throughput };
}

async function concurrently(call: () => Promise<unknown>, total: number): Promise<void> {
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export async function runGatewayBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "warden-bench-"));
  writeFileSync(join(dir, "warden.yaml"), POLICY);
  const gatewayBin = join(ROOT, "bin/mcp-warden.js");
  // Fake key for the benchmark's own audit log.
  const env = { ...process.env, WARDEN_AUDIT_KEY: "bench-only-audit-key-0123456789abcdef", WARDEN_LOG_LEVEL: "warn" };
  execFileSync(process.execPath, [gatewayBin, "pin", "--policy", join(dir, "warden.yaml")], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const targets: Target[] = [
    { name: "direct", command: SERVER },
    {
      name: "mcp-warden",
      command: [process.execPath, gatewayBin, "gateway", "--policy", join(dir, "warden.yaml")],
    },
    {
      name: "parse-and-forward relay (no policy)",
      command: [process.execPath, "--import", TSX, join(ROOT, "bench/servers/forward-proxy.ts"), ...SERVER],
    },
    {
      name: "sdk client+server proxy",
      command: [process.execPath, "--import", TSX, join(ROOT, "bench/servers/sdk-pair-proxy.ts"), ...SERVER],
    },
  ];
  const results = new Map<string, Sample[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const work of WORKLOADS) {
        for (const target of targets) {
          const key = `${work.label}|${target.name}`;
          const sample = await measure(target, work, env, dir);
          results.set(key, [...(results.get(key) ?? []), sample]);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report(results, targets);
}

function report(results: Map<string, Sample[]>, targets: Target[]): string {
  const lines = [
    "## Gateway (stdio)",
    "",
    `Median of ${ROUNDS} rounds; after ${WARMUP} warm-up calls at concurrency ${CONCURRENCY}, sequential ${SEQUENTIAL_CALLS} calls for p50/p99, ${CONCURRENT_CALLS} calls at concurrency ${CONCURRENCY} for throughput.`,
    "mcp-warden runs the realistic policy: tool allowlist, pinned definitions, argument validation, redaction, size cap, audit log (default durability `write`).",
    "",
    "| workload | target | p50 ms | p99 ms | added p50 ms | throughput calls/s | throughput vs direct |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const work of WORKLOADS) {
    const direct = summarize(results.get(`${work.label}|direct`) ?? []);
    for (const target of targets) {
      const s = summarize(results.get(`${work.label}|${target.name}`) ?? []);
      lines.push(
        `| ${work.label} | ${target.name} | ${fmt(s.p50, 3)} | ${fmt(s.p99, 3)} | ${fmt(s.p50 - direct.p50, 3)} | ${fmt(s.throughput, 0)} | ${fmt(s.throughput / direct.throughput)}× |`,
      );
    }
  }
  return lines.join("\n");
}

function summarize(samples: Sample[]): Sample {
  return {
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    throughput: median(samples.map((s) => s.throughput)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runGatewayBench());
}
