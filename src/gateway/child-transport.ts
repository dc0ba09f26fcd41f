// An SDK client Transport over a child process's stdio, with an environment WE choose. The SDK's StdioClientTransport
// always merges its own defaults (USER, SHELL, TERM, …) into the child's environment; the policy says the child gets
// ONLY its `env` plus a minimal set (DESIGN.md "Policy file" › upstreams), so `pin` spawns upstreams through this.
import { type ChildProcess, spawn } from "node:child_process";
import { type JSONRPCMessage, ReadBuffer, serializeMessage, type Transport } from "../mcp/sdk.ts";

export interface ChildTransportOptions {
  command: string;
  args: readonly string[];
  env: Record<string, string>;
  cwd: string;
}

const KILL_GRACE_MS = 1000;

/** Spawns on start(); the child's stderr is drained and dropped (it may print secrets; we never log it). */
export function createChildTransport(opts: ChildTransportOptions): Transport {
  let child: ChildProcess | undefined;
  const buffer = new ReadBuffer();
  const transport: Transport = {
    start: () =>
      new Promise<void>((resolve, reject) => {
        const proc = spawn(opts.command, [...opts.args], {
          cwd: opts.cwd,
          env: opts.env,
          stdio: ["pipe", "pipe", "pipe"],
          shell: false, // argv array, never a shell (CWE-78)
          windowsHide: true,
        });
        child = proc;
        proc.once("error", (err) => {
          reject(err);
          transport.onerror?.(err);
        });
        proc.once("spawn", () => resolve());
        proc.once("close", () => {
          child = undefined;
          transport.onclose?.();
        });
        proc.stdin?.on("error", (err) => transport.onerror?.(err));
        proc.stderr?.resume();
        proc.stdout?.on("data", (chunk: Buffer) => {
          buffer.append(chunk);
          drain(buffer, transport);
        });
      }),
    send: (message: JSONRPCMessage) =>
      new Promise<void>((resolve, reject) => {
        const stdin = child?.stdin;
        if (!stdin) return reject(new Error("the upstream process is not running"));
        if (stdin.write(serializeMessage(message))) resolve();
        else stdin.once("drain", () => resolve());
      }),
    close: async () => {
      const proc = child;
      if (!proc) return;
      proc.stdin?.end();
      const timer = setTimeout(() => proc.kill("SIGKILL"), KILL_GRACE_MS * 2);
      const term = setTimeout(() => proc.kill("SIGTERM"), KILL_GRACE_MS);
      await new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) resolve();
        else proc.once("close", () => resolve());
      });
      clearTimeout(timer);
      clearTimeout(term);
    },
  };
  return transport;
}

function drain(buffer: ReadBuffer, transport: Transport): void {
  for (;;) {
    let message: JSONRPCMessage | null;
    try {
      message = buffer.readMessage();
    } catch (err) {
      // A non-JSON line on stdout: report it and keep reading (the SDK transport does the same).
      transport.onerror?.(err as Error);
      continue;
    }
    if (message === null) return;
    transport.onmessage?.(message);
  }
}
