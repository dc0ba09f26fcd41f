// A stdio upstream: the MCP server as a child process, spawned with an argv array (never a shell, CWE-78) and a minimal
// environment, restarted with backoff when it dies (or reported fatal, per policy `on_exit`).
import { type ChildProcess, spawn } from "node:child_process";
import { createLineSplitter, type OversizeInfo } from "../mcp/frame.ts";
import type { StdioUpstreamConfig } from "../policy/schema.ts";
import { childEnvironment } from "./child-env.ts";
import { createLineWriter, type LineWriter } from "./line-writer.ts";
import type { Logger } from "./logger.ts";

export interface UpstreamEvents {
  onLine(text: string, bytes: number): void;
  onOversize(info: OversizeInfo): void;
  /** The child exited; pending calls must be answered. `restarting` says whether a new child is coming. */
  onExit(info: { code: number | null; signal: string | null; restarting: boolean }): void;
  /** A replacement child is running (the session replays `initialize` to it). */
  onRestart(): void;
  /** The upstream is gone for good (could not start, or exceeded max_restarts): the gateway must stop. */
  onFatal(message: string): void;
}

export interface UpstreamLink {
  send(text: string): boolean;
  readonly connected: boolean;
  close(): Promise<void>;
}

const KILL_GRACE_MS = 2000;
const MAX_BACKOFF_MS = 10_000;

export function startStdioUpstream(
  name: string,
  config: StdioUpstreamConfig,
  opts: { maxLineBytes: number; cwd: string; logger: Logger },
  events: UpstreamEvents,
): UpstreamLink {
  let child: ChildProcess | undefined;
  let writeLine: LineWriter | undefined;
  let restarts = 0;
  let closing = false;

  const launch = () => {
    const proc = spawn(config.command, config.args, {
      cwd: config.cwd ?? opts.cwd,
      env: childEnvironment(config.env),
      stdio: ["pipe", "pipe", "inherit"],
      shell: false,
      windowsHide: true,
    });
    child = proc;
    writeLine = proc.stdin ? createLineWriter(proc.stdin) : undefined;
    const splitter = createLineSplitter({
      maxLineBytes: opts.maxLineBytes,
      onLine: events.onLine,
      onOversize: events.onOversize,
    });
    proc.stdout?.on("data", (chunk: Buffer) => splitter.push(chunk));
    // EPIPE when the child died mid-write: the exit handler deals with it.
    proc.stdin?.on("error", () => {});
    proc.once("error", (err: NodeJS.ErrnoException) => {
      if (child !== proc) return;
      child = undefined;
      const why = err.code === "ENOENT" ? `command not found: ${config.command}` : err.message;
      events.onFatal(`upstream "${name}" could not be started: ${why}`);
    });
    proc.once("exit", (code, signal) => onExit(proc, code, signal));
  };

  const onExit = (proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (child !== proc) return;
    child = undefined;
    if (closing) return;
    const restarting = config.on_exit === "restart" && restarts < config.max_restarts;
    opts.logger.warn({ upstream: name, code, signal, restarting }, "upstream exited");
    events.onExit({ code, signal, restarting });
    if (!restarting) {
      events.onFatal(`upstream "${name}" exited (code ${code ?? "none"}, signal ${signal ?? "none"})`);
      return;
    }
    const delay = Math.min(250 * 2 ** restarts, MAX_BACKOFF_MS);
    restarts += 1;
    setTimeout(() => {
      if (closing) return;
      launch();
      events.onRestart();
    }, delay).unref();
  };

  launch();
  return {
    get connected() {
      return child !== undefined && child.exitCode === null;
    },
    send(text) {
      const stdin = child?.stdin;
      if (!stdin || stdin.destroyed || !writeLine) return false;
      writeLine(text);
      return true;
    },
    close: () => {
      closing = true;
      return terminate(child);
    },
  };
}

/** Closes the child's stdin (the MCP stdio shutdown signal), then SIGTERM, then SIGKILL: no orphans. */
function terminate(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const term = setTimeout(() => proc.kill("SIGTERM"), KILL_GRACE_MS / 2);
    const kill = setTimeout(() => proc.kill("SIGKILL"), KILL_GRACE_MS);
    proc.once("exit", () => {
      clearTimeout(term);
      clearTimeout(kill);
      resolve();
    });
    proc.stdin?.end();
  });
}
