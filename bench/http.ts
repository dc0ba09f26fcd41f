// HTTP front benchmark (issue 5): a raw Streamable HTTP client against (a) the SDK's own direct Streamable HTTP server
// (in-process tool), (b) mcp-warden's HTTP front (warden-token JWT on every request, allowlist, argument validation,
// redaction, audit log), (c) mcp-proxy and (d) supergateway — (b)-(d) in front of the same stdio bench server, every target its
// own process. Sequential p50 and throughput at concurrency 8, median of rounds, all in one run; then the gateway's RSS
// over N calls with the official SDK client (DESIGN.md pitfalls: the SDK's HTTP transports leak per request/per call).
import { Client, StreamableHTTPClientTransport } from "../src/mcp/sdk.ts";
import { connectRaw } from "./http-raw-client.ts";
import {
  startDirectServer,
  startMcpProxy,
  startSupergateway,
  startWardenGateway,
  type Target,
} from "./http-targets.ts";
import { fmt, median, percentile } from "./stats.ts";

const SEQUENTIAL = Number(process.env.BENCH_HTTP_SEQ ?? 1000);
const CONCURRENT = Number(process.env.BENCH_HTTP_CONC_CALLS ?? 3000);
const CONCURRENCY = 8;
// Calls at concurrency before each measurement: every target is measured at steady state (JIT-compiled), as a gateway
// serving an agent for hours is; after 100 calls mcp-warden's CPU per call was still falling by a third.
const WARMUP = Number(process.env.BENCH_HTTP_WARMUP ?? 2000);
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 5);

// DESIGN.md pitfalls: the SDK's HTTP transports leak per request, so memory is measured over 100k calls (the cap stops
// the phase on a machine too loaded to finish them; the report says how many ran).
const MEM_CALLS = Number(process.env.BENCH_HTTP_MEM_CALLS ?? 100_000);
const MEM_TIME_CAP_MS = 180_000;

interface Result {
  p50: number;
  throughput: number;
}

/** A client on a new or (given `sessionId`) an existing session; a fresh transport each time (see memory()). */
async function connect(url: string, token?: string, resume?: { sessionId: string; protocolVersion: string }) {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    ...(headers ? { requestInit: { headers } } : {}),
    ...(resume ? { sessionId: resume.sessionId } : {}),
  });
  if (resume) transport.setProtocolVersion(resume.protocolVersion);
  const client = new Client({ name: "bench", version: "1.0.0" }, { capabilities: {} });
  await client.connect(transport);
  const call = () => client.callTool({ name: "echo", arguments: { message: "x".repeat(64) } });
  const session = () => ({ sessionId: transport.sessionId ?? "", protocolVersion: transport.protocolVersion ?? "" });
  const close = async (terminate = true) => {
    if (terminate) await transport.terminateSession().catch(() => undefined);
    await client.close();
  };
  return { call, close, session };
}

/** Runs `total` calls with CONCURRENCY workers, stopping early at `deadline`; returns the calls done. */
async function concurrent(call: () => Promise<unknown>, total: number, deadline = Number.POSITIVE_INFINITY) {
  let issued = 0;
  const worker = async () => {
    while (issued < total && performance.now() < deadline) {
      issued++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return issued;
}

async function measure(url: string, token?: string): Promise<Result> {
  const { call, close } = await connectRaw(url, token, CONCURRENCY);
  await concurrent(call, WARMUP);
  const lat: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t0 = performance.now();
    await call();
    lat.push(performance.now() - t0);
  }
  lat.sort((a, b) => a - b);
  const t0 = performance.now();
  await concurrent(call, CONCURRENT);
  const throughput = CONCURRENT / ((performance.now() - t0) / 1000);
  await close();
  return { p50: percentile(lat, 50), throughput };
}

/**
 * RSS of the gateway process (after a forced GC) at the start, half-way and end of up to MEM_CALLS calls in ONE
 * stateful session. The client transport is replaced every 1,000 calls, resuming the same session: the SDK client
 * transport piles abort listeners on one signal (DESIGN.md pitfalls), which would slow the client, not the gateway.
 */
async function memory(g: Awaited<ReturnType<typeof startWardenGateway>>) {
  let c = await connect(g.url, g.token);
  for (let i = 0; i < 200; i++) await c.call();
  const rss = [await g.rss()];
  const t0 = performance.now();
  const deadline = t0 + MEM_TIME_CAP_MS;
  let calls = 0;
  for (let half = 0; half < 2; half++) {
    for (let done = 0; done < MEM_CALLS / 2 && performance.now() < deadline; done += 1_000) {
      calls += await concurrent(c.call, Math.min(1_000, MEM_CALLS / 2 - done), deadline);
      const resume = c.session();
      await c.close(false);
      c = await connect(g.url, g.token, resume);
    }
    rss.push(await g.rss());
  }
  const seconds = (performance.now() - t0) / 1000;
  await c.close();
  return { rss, calls, seconds };
}

/** A started target, or why it could not start (a peer that fails is reported; the other rows still count). */
type Started = { url: string; token?: string; close(): Promise<void> } | string;

async function startPeer(start: () => Promise<Target>): Promise<Started> {
  try {
    return await start();
  } catch (err) {
    return `failed: ${String(err).slice(0, 200)}`;
  }
}

/** A target's median over the rounds, and its throughput in each round (for ratios paired within a round). */
interface Measured extends Result {
  perRound: number[];
}

/** Every target measured once per round, in the same order; the medians of the rounds are reported. */
async function measureRounds(targets: Started[]): Promise<(Measured | string)[]> {
  const samples: Result[][] = targets.map(() => []);
  const failures: (string | undefined)[] = targets.map((t) => (typeof t === "string" ? t : undefined));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      if (typeof t === "string" || failures[i]) continue;
      try {
        samples[i]!.push(await measure(t.url, t.token));
      } catch (err) {
        failures[i] = `failed: ${String(err).slice(0, 200)}`;
      }
    }
  }
  return samples.map(
    (rounds, i) =>
      failures[i] ?? {
        p50: median(rounds.map((r) => r.p50)),
        throughput: median(rounds.map((r) => r.throughput)),
        perRound: rounds.map((r) => r.throughput),
      },
  );
}

/**
 * mcp-warden's throughput over a peer's: the median of the per-round ratios (both measured minutes apart at most, so
 * a neighbour's load that comes and goes moves both), and the ratio of the medians beside it.
 */
function pairedRatio(g: Measured, peer: Measured | string): string {
  if (typeof peer === "string") return "n/a";
  const perRound = g.perRound.map((t, i) => t / (peer.perRound[i] ?? Number.NaN)).filter(Number.isFinite);
  return `${fmt(median(perRound))}× (per-round ratios ${perRound.map((r) => fmt(r)).join(", ")}; ratio of medians ${fmt(g.throughput / peer.throughput)}×)`;
}

function row(name: string, r: Result | string, d: Result): string {
  if (typeof r === "string") return `| ${name} | ${r} | | | |`;
  return `| ${name} | ${fmt(r.p50)} | ${fmt(r.throughput, 0)} | ${fmt(r.throughput / d.throughput)} | ${fmt(r.p50 / d.p50)} |`;
}

const MB = 1024 * 1024;

export async function runHttpBench(): Promise<string> {
  const direct = await startDirectServer();
  const warden = await startWardenGateway();
  const proxy = await startPeer(startMcpProxy);
  const superg = await startPeer(startSupergateway);
  try {
    const results = await measureRounds([direct, warden, proxy, superg]);
    const pick = (i: number): Measured | string => results[i] ?? "not measured";
    const [dr, g, pr, sr] = [pick(0), pick(1), pick(2), pick(3)];
    if (typeof dr === "string" || typeof g === "string") throw new Error(`HTTP bench failed: ${dr} ${g}`);
    const d = dr;
    const m = await memory(warden);
    return [
      "## HTTP front (Streamable HTTP, 64 B echo)",
      "",
      `Median of ${ROUNDS} rounds (every target once per round, same order); after ${WARMUP} warm-up calls, ${SEQUENTIAL} sequential calls for p50, ${CONCURRENT} at concurrency ${CONCURRENCY} for throughput; the client is a raw HTTP client (bench/http-raw-client.ts) on a keep-alive pool, every target its own process. mcp-warden runs from the built package (dist/) with the realistic policy: warden-token JWT on every request, tool allowlist, argument validation, redaction, audit log (durability \`write\`).`,
      "",
      "| target | p50 ms | calls/s (concurrency 8) | throughput vs direct | p50 vs direct |",
      "|---|---|---|---|---|",
      row("SDK direct Streamable HTTP server (in-process tool)", d, d),
      row("mcp-warden HTTP front (JWT per request) → stdio", g, d),
      row("mcp-proxy 6.7.19 (defaults, --server stream) → stdio", pr, d),
      row("supergateway 4.0.0 (--stateful) → stdio", sr, d),
      "",
      `mcp-warden throughput vs mcp-proxy: ${pairedRatio(g, pr)}; vs supergateway: ${pairedRatio(g, sr)}; vs direct: ${pairedRatio(g, d)} (issue 5 target: ≥ 2× mcp-proxy, ≥ direct).`,
      "",
      `Gateway process memory over ${m.calls} calls in one session (${fmt(m.seconds, 1)} s, concurrency 8, after GC), ` +
        `start → half-way → end: RSS ${m.rss.map((r) => fmt(r.rss / MB, 1)).join(" → ")} MB, ` +
        `heap used ${m.rss.map((r) => fmt(r.heap / MB, 1)).join(" → ")} MB ` +
        `(heap ${fmt(((m.rss[2]?.heap ?? 0) - (m.rss[0]?.heap ?? 0)) / Math.max(1, m.calls), 0)} B/call overall).`,
    ].join("\n");
  } finally {
    for (const t of [proxy, superg]) if (typeof t !== "string") await t.close();
    await warden.close();
    await direct.close();
  }
}
