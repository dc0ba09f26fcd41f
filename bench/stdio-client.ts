// A minimal raw JSON-RPC client over stdio for benchmarks: no SDK overhead on the client side, so the ratio between
// targets reflects what sits between client and server.
import { type ChildProcess, spawn } from "node:child_process";
import { createLineSplitter } from "../src/mcp/frame.ts";

export interface RawClient {
  call(method: string, params: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

export async function startRawClient(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<RawClient> {
  const child: ChildProcess = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"], env: env ?? process.env });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const splitter = createLineSplitter({
    maxLineBytes: 64 * 1024 * 1024,
    onOversize: () => {},
    onLine: (line) => {
      const msg = JSON.parse(line) as { id?: number; result?: unknown; error?: { message: string } };
      if (typeof msg.id !== "number") return;
      const w = waiting.get(msg.id);
      if (!w) return;
      waiting.delete(msg.id);
      if (msg.error) w.reject(new Error(msg.error.message));
      else w.resolve(msg.result);
    },
  });
  child.stdout!.on("data", (c: Buffer) => splitter.push(c));
  const send = (m: unknown) => child.stdin!.write(`${JSON.stringify(m)}\n`);
  const call = (method: string, params: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      send({ jsonrpc: "2.0", id, method, params });
    });
  await call("initialize", {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "bench", version: "1" },
  });
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  return {
    call,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}
