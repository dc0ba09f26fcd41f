// HTTP benchmark targets that run as their own processes: mcp-warden's HTTP front (bench/servers/http-gateway.ts) and
// the peers mcp-proxy and supergateway, each exposing the same stdio bench server over Streamable HTTP on loopback.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const START_TIMEOUT_MS = 30_000;
const UPSTREAM = [process.execPath, "--import", "tsx", join(ROOT, "bench/servers/bench-server.ts")];

/** Bytes, read in the gateway process after a forced GC. */
export interface Memory {
  rss: number;
  heap: number;
}

export interface Target {
  url: string;
  token?: string | undefined;
  child: ChildProcess;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      res();
    });
    child.kill("SIGTERM");
  });
}

/** Waits until the endpoint answers HTTP at all (any status): the peer has bound its port. */
async function waitListening(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ok = await fetch(url, { method: "GET", signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.body?.cancel().then(() => true) ?? true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not listen within ${START_TIMEOUT_MS} ms`);
}

async function spawnPeer(name: string, bin: string, args: (port: number) => string[]): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, bin), ...args(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString("utf8")).slice(-2_000);
  });
  const url = `http://127.0.0.1:${port}/mcp`;
  try {
    await waitListening(url, child, name);
  } catch (err) {
    await stop(child);
    throw new Error(`${String(err)}; stderr tail: ${stderr}`);
  }
  return { url, child, close: () => stop(child) };
}

/** mcp-proxy with its defaults, only the stream (Streamable HTTP) server, on loopback. */
export function startMcpProxy(): Promise<Target> {
  return spawnPeer("mcp-proxy", "node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs", (port) => [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--server",
    "stream",
    "--",
    ...UPSTREAM,
  ]);
}

/** supergateway stdio→Streamable HTTP; stateful, so one upstream child serves the session as in the others. */
export function startSupergateway(): Promise<Target> {
  return spawnPeer("supergateway", "node_modules/supergateway/dist/index.js", (port) => [
    "--stdio",
    UPSTREAM.map((a) => JSON.stringify(a)).join(" "),
    "--outputTransport",
    "streamableHttp",
    "--stateful",
    "--port",
    String(port),
    "--logLevel",
    "none",
  ]);
}

export async function startWardenGateway(): Promise<Target & { rss(): Promise<Memory> }> {
  const { child, ready } = await forkTarget<{ url: string; token: string }>(
    "bench/servers/http-gateway.ts",
    "mcp-warden gateway",
    ["--expose-gc", ...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [])],
  );
  const rss = () =>
    new Promise<Memory>((res) => {
      child.once("message", (m) => res(m as Memory));
      child.send("rss");
    });
  return { ...ready, child, rss, close: () => closeForked(child) };
}

/** The SDK's direct Streamable HTTP server, in its own process (bench/servers/direct-http.ts). */
export async function startDirectServer(): Promise<Target> {
  const { child, ready } = await forkTarget<{ url: string }>("bench/servers/direct-http.ts", "direct SDK server", []);
  return { ...ready, child, close: () => closeForked(child) };
}

/** Forks a TypeScript benchmark child and waits for its first IPC message (what it listens on). */
async function forkTarget<T>(file: string, name: string, flags: string[]): Promise<{ child: ChildProcess; ready: T }> {
  const child = fork(join(ROOT, file), [], {
    execArgv: ["--import", "tsx", ...flags],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = await new Promise<T>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${name} did not start`)), START_TIMEOUT_MS);
    child.once("message", (m) => {
      clearTimeout(timer);
      res(m as T);
    });
    child.once("exit", (code) => rej(new Error(`${name} exited with code ${code}`)));
  });
  return { child, ready };
}

async function closeForked(child: ChildProcess): Promise<void> {
  if (child.connected) child.disconnect();
  await stop(child);
}
