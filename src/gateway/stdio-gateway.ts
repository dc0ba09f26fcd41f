// The stdio gateway: the client spawned us, speaks MCP on our stdin/stdout, and we run the upstream as a child.
// stdout carries only MCP messages; everything else goes to stderr.
import { userInfo } from "node:os";
import type { Approver } from "../guards/confirm.ts";
import type { Principal } from "../guards/types.ts";
import { createLineSplitter } from "../mcp/frame.ts";
import type { LockSource } from "../policy/lock-source.ts";
import type { Policy, StdioUpstreamConfig } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { buildGuardChain } from "./guard-chain.ts";
import { createLineWriter } from "./line-writer.ts";
import type { Logger } from "./logger.ts";
import { GatewaySession } from "./session.ts";
import { startStdioUpstream } from "./upstream-stdio.ts";

/** Upstream messages may exceed the response cap (the size-cap guard truncates them), but not without bound. */
const UPSTREAM_HARD_LIMIT = 64 * 1024 * 1024;
/** How long in-flight calls may still complete after the client closed its input. */
const DRAIN_ON_EOF_MS = 5000;

export interface StdioGatewayOptions {
  policy: Policy;
  upstreamName: string;
  upstream: StdioUpstreamConfig;
  /** Directory relative paths (upstream cwd) resolve against: the policy file's directory. */
  baseDir: string;
  audit: AuditRecorder;
  logger: Logger;
  /** warden.lock (see src/policy/lock-source.ts); without it no tool counts as pinned. */
  lock?: LockSource;
  /** Out-of-band approvals for `console`-mode confirmation (src/approvals/store-approver.ts). */
  approver?: Approver;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Runs until the client disconnects or the upstream is gone for good; resolves with the process exit code. */
export function runStdioGateway(opts: StdioGatewayOptions): Promise<number> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const { policy, logger } = opts;
  return new Promise((resolve) => {
    let finished = false;
    const writeToClient = createLineWriter(output);
    const session = new GatewaySession({
      policy,
      upstream: opts.upstreamName,
      principal: localPrincipal(),
      chain: buildGuardChain({ policy, audit: opts.audit, logger, lock: opts.lock, approver: opts.approver }),
      audit: opts.audit,
      logger,
      sendToClient: writeToClient,
      sendToUpstream: (text) => link.send(text),
    });
    const finish = async (code: number, drain = true) => {
      if (finished) return;
      finished = true;
      // A client that wrote its requests and closed its end (a pipeline) still reads the answers: let them finish.
      if (drain) await session.settled(DRAIN_ON_EOF_MS);
      // Close the child first (stdin end, then signals): answers it still sends during the grace period reach the client.
      await link.close();
      session.close();
      await opts.audit.close().catch(() => undefined);
      resolve(code);
    };
    const link = startStdioUpstream(
      opts.upstreamName,
      opts.upstream,
      { maxLineBytes: Math.max(UPSTREAM_HARD_LIMIT, policy.defaults.max_response_bytes), cwd: opts.baseDir, logger },
      {
        onLine: (text, bytes) => void session.fromUpstream(text, bytes),
        onOversize: (info) => session.fromUpstreamOversize(info),
        onExit: () => session.upstreamExited(),
        onRestart: () => void session.upstreamRestarted(),
        onFatal: (message) => {
          logger.error(message);
          process.stderr.write(`mcp-warden: ${message}\n`);
          void finish(1, false);
        },
      },
    );
    const splitter = createLineSplitter({
      maxLineBytes: policy.defaults.max_request_bytes,
      onLine: (text, bytes) => void session.fromClient(text, bytes),
      onOversize: (info) => session.fromClientOversize(info),
    });
    input.on("data", (chunk: Buffer) => splitter.push(chunk));
    // Client disconnect: stop the child (no orphans) and exit.
    input.once("end", () => void finish(0));
    input.once("close", () => void finish(0));
  });
}

/** Over stdio the caller is the local user who started the client; there is no token to carry scopes. */
function localPrincipal(): Principal {
  let sub = "local";
  try {
    sub = userInfo().username;
  } catch {
    // No passwd entry (containers): keep "local".
  }
  return { sub, iss: "local", scopes: [], environment: undefined };
}
