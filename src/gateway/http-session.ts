// One Streamable HTTP session: a GatewaySession with its OWN upstream connection (never shared across sessions,
// CVE-2026-25536), the POST replies waiting for answers, and the optional GET stream for server→client messages.
import type { ServerResponse } from "node:http";
import type { Principal } from "../guards/types.ts";
import type { GuardChain } from "../policy/chain.ts";
import type { Policy, StdioUpstreamConfig } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { type HttpReply, writeSseEvent } from "./http-reply.ts";
import type { Logger } from "./logger.ts";
import { PendingTable } from "./pending.ts";
import { GatewaySession } from "./session.ts";
import { startStdioUpstream, type UpstreamLink } from "./upstream-stdio.ts";

const UPSTREAM_HARD_LIMIT = 64 * 1024 * 1024;
/** Server→client messages kept while no stream is open (oldest dropped first). */
const BACKLOG_MAX = 64;

export interface HttpSessionDeps {
  id: string;
  principal: Principal;
  policy: Policy;
  upstreamName: string;
  upstream: StdioUpstreamConfig;
  baseDir: string;
  chain: GuardChain;
  audit: AuditRecorder;
  logger: Logger;
  /** HTTP status and headers for an answer (e.g. 403 + WWW-Authenticate for insufficient_scope). */
  answerStatus(message: Record<string, unknown>): { status: number; headers: Record<string, string> };
  onGone(id: string): void;
}

export class HttpSession {
  readonly gateway: GatewaySession;
  lastSeen = Date.now();
  private readonly replies = new Map<string, HttpReply>();
  private stream: ServerResponse | undefined;
  private readonly backlog: string[] = [];
  private readonly link: UpstreamLink;
  private closed = false;

  constructor(private readonly deps: HttpSessionDeps) {
    const { policy, logger } = deps;
    this.gateway = new GatewaySession({
      policy,
      upstream: deps.upstreamName,
      principal: deps.principal,
      chain: deps.chain,
      audit: deps.audit,
      logger,
      sendToClient: (text) => this.deliver(text),
      sendToUpstream: (text) => this.link.send(text),
    });
    this.link = startStdioUpstream(
      deps.upstreamName,
      deps.upstream,
      { maxLineBytes: Math.max(UPSTREAM_HARD_LIMIT, policy.defaults.max_response_bytes), cwd: deps.baseDir, logger },
      {
        onLine: (text, bytes) => void this.gateway.fromUpstream(text, bytes),
        onOversize: (info) => this.gateway.fromUpstreamOversize(info),
        onExit: () => this.gateway.upstreamExited(),
        onRestart: () => void this.gateway.upstreamRestarted(),
        onFatal: (message) => {
          logger.error({ session: deps.id }, message);
          void this.close();
        },
      },
    );
  }

  get id(): string {
    return this.deps.id;
  }

  get principal(): Principal {
    return this.deps.principal;
  }

  /** Idle: nothing pending and no stream open (the table may expire it). */
  get idle(): boolean {
    return this.replies.size === 0 && (this.stream === undefined || this.stream.destroyed);
  }

  hasPending(id: string | number): boolean {
    return this.replies.has(PendingTable.key(id));
  }

  /** Registers the POST reply that the answer to request `id` goes to; forgotten if the client disconnects. */
  expect(id: string | number, reply: HttpReply, res: ServerResponse): void {
    const key = PendingTable.key(id);
    this.replies.set(key, reply);
    res.once("close", () => {
      if (this.replies.get(key) === reply) this.replies.delete(key);
    });
  }

  /** The GET stream (MCP "Listening for Messages from the Server"); at most one per session. */
  openStream(res: ServerResponse): boolean {
    if (this.stream && !this.stream.destroyed) return false;
    this.stream = res;
    res.once("close", () => {
      if (this.stream === res) this.stream = undefined;
    });
    for (const text of this.backlog.splice(0)) writeSseEvent(res, text);
    return true;
  }

  private deliver(text: string): void {
    this.lastSeen = Date.now();
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    const id = message.id;
    if (message.method === undefined && (typeof id === "string" || typeof id === "number")) {
      const key = PendingTable.key(id);
      const reply = this.replies.get(key);
      if (!reply) return; // its POST is gone: the client no longer waits for it
      this.replies.delete(key);
      const { status, headers } = this.deps.answerStatus(message);
      reply.final(text, status, headers);
      return;
    }
    this.sendServerMessage(text);
  }

  /** Requests/notifications from the server: on the oldest open POST stream, else the GET stream, else kept. */
  private sendServerMessage(text: string): void {
    for (const reply of this.replies.values()) {
      if (reply.canStream) {
        reply.event(text);
        return;
      }
    }
    if (this.stream && !this.stream.destroyed) {
      writeSseEvent(this.stream, text);
      return;
    }
    this.backlog.push(text);
    if (this.backlog.length > BACKLOG_MAX) this.backlog.shift();
  }

  /** Ends the session: its upstream child is stopped, its streams closed (DELETE, expiry, upstream gone). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.deps.onGone(this.deps.id);
    this.stream?.end();
    await this.link.close();
    this.gateway.upstreamExited();
    this.gateway.close();
    for (const reply of this.replies.values()) reply.final("", 204);
    this.replies.clear();
  }
}
