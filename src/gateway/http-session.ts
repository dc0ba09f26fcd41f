// One Streamable HTTP session: a GatewaySession with its OWN upstream connection (never shared across sessions,
// CVE-2026-25536), the POST replies waiting for answers, and the optional GET stream for server→client messages.
import type { ServerResponse } from "node:http";
import type { Principal } from "../guards/types.ts";
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import type { GuardChain } from "../policy/chain.ts";
import type { Policy, UpstreamConfig } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { type HttpReply, writeSseEvent } from "./http-reply.ts";
import { startUpstreamLink } from "./http-upstream-link.ts";
import type { Logger } from "./logger.ts";
import { PendingTable } from "./pending.ts";
import { GatewaySession } from "./session.ts";
import type { UpstreamLink } from "./upstream-stdio.ts";

/** Server→client messages kept while no stream is open (oldest dropped first). */
const BACKLOG_MAX = 64;

/** A POST waiting for its answer; server→client messages related to it may go on its SSE stream. */
interface Pending {
  reply: HttpReply;
  method: string;
  progressToken: unknown;
}

export interface HttpSessionDeps {
  id: string;
  principal: Principal;
  policy: Policy;
  upstreamName: string;
  upstream: UpstreamConfig;
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
  private readonly replies = new Map<string, Pending>();
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
      sendToClient: (text, message) => this.deliver(text, message),
      sendToUpstream: (text) => this.link.send(text),
    });
    this.link = this.startUpstream();
  }

  private startUpstream(): UpstreamLink {
    return startUpstreamLink(
      this.deps,
      () => this.gateway,
      (message) => {
        this.deps.logger.error({ session: this.deps.id }, message);
        void this.close();
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
  expect(id: string | number, reply: HttpReply, res: ServerResponse, request: Record<string, unknown>): void {
    const key = PendingTable.key(id);
    const params = request.params as { _meta?: { progressToken?: unknown } } | undefined;
    const pending: Pending = { reply, method: String(request.method), progressToken: params?._meta?.progressToken };
    this.replies.set(key, pending);
    res.once("close", () => {
      if (this.replies.get(key) === pending) this.replies.delete(key);
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

  private deliver(text: string, parsed?: JsonRpcMessage): void {
    this.lastSeen = Date.now();
    let message: Record<string, unknown>;
    try {
      message = (parsed ?? JSON.parse(text)) as Record<string, unknown>;
    } catch {
      return;
    }
    const id = message.id;
    if (message.method === undefined && (typeof id === "string" || typeof id === "number")) {
      const key = PendingTable.key(id);
      const pending = this.replies.get(key);
      if (!pending) return; // its POST is gone: the client no longer waits for it
      this.replies.delete(key);
      const { status, headers } = this.deps.answerStatus(message);
      pending.reply.final(text, status, headers);
      return;
    }
    this.sendServerMessage(text, message);
  }

  /**
   * Server→client messages go on the stream of the POST they relate to (MCP "Sending Messages to the Server"):
   * progress by its token; server requests (elicitation, sampling, roots) to the oldest open tools/call, which
   * triggered them. Everything else goes on the GET stream, or is kept until one opens.
   */
  private sendServerMessage(text: string, message: Record<string, unknown>): void {
    const related = this.relatedReply(message);
    if (related) {
      related.event(text);
      return;
    }
    if (this.stream && !this.stream.destroyed) {
      writeSseEvent(this.stream, text);
      return;
    }
    this.backlog.push(text);
    if (this.backlog.length > BACKLOG_MAX) this.backlog.shift();
  }

  private relatedReply(message: Record<string, unknown>): HttpReply | undefined {
    const isRequest = message.id !== undefined;
    const token = (message.params as { progressToken?: unknown } | undefined)?.progressToken;
    for (const pending of this.replies.values()) {
      if (!pending.reply.canStream) continue;
      if (message.method === "notifications/progress" && token !== undefined && pending.progressToken === token)
        return pending.reply;
      if (isRequest && pending.method === "tools/call") return pending.reply;
    }
    return undefined;
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
    for (const pending of this.replies.values()) pending.reply.final("", 204);
    this.replies.clear();
  }
}
