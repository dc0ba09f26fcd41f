// A stateless lane: serves the 2026-07-28 requests (no initialize, no session) of ONE principal through its own
// GatewaySession and upstream link, owned by the gateway and never shared with another principal (CVE-2026-25536).
// The lane does the upstream's 2025 handshake itself once, then gives every request a lane-made id (and progress
// token), so equal ids of two callers — or two concurrent calls of one — never collide, and maps answers back to the
// caller's own POST. The GatewaySession is used as a black box: frames in through fromClient, out through sendToClient.
import type { ServerResponse } from "node:http";
import { JSONRPC, PolicyError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";
import type { GuardChain } from "../policy/chain.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import type { HttpReply } from "./http-reply.ts";
import { startUpstreamLink, type UpstreamLinkDeps } from "./http-upstream-link.ts";
import { LANE_INIT_ID, type LaneHandshake, startLaneHandshake } from "./lane-handshake.ts";
import { GatewaySession } from "./session.ts";
import { modernAnswer, modernProgress } from "./stateless-answer.ts";
import type { UpstreamLink } from "./upstream-stdio.ts";
import { errorFrame } from "./wire-errors.ts";

type Json = Record<string, unknown>;

export interface LaneDeps extends UpstreamLinkDeps {
  key: string;
  principal: Principal;
  chain: GuardChain;
  audit: AuditRecorder;
  /** HTTP status and headers for an answer (403 insufficient_scope, 404 method not found, …). */
  answerStatus(message: Json): { status: number; headers: Record<string, string> };
  onGone(lane: StatelessLane): void;
}

/** One caller's request in flight through the lane. */
interface LaneCall {
  reply: HttpReply;
  clientId: string | number;
  method: string;
  clientToken: unknown;
  sent: boolean;
}

export class StatelessLane {
  readonly gateway: GatewaySession;
  lastSeen = Date.now();
  private readonly link: UpstreamLink;
  private readonly calls = new Map<string, LaneCall>();
  private next = 0;
  private handshake: LaneHandshake | undefined;
  private closed = false;

  constructor(private readonly deps: LaneDeps) {
    this.gateway = new GatewaySession({
      policy: deps.policy,
      upstream: deps.upstreamName,
      principal: deps.principal,
      chain: deps.chain,
      audit: deps.audit,
      logger: deps.logger,
      sendToClient: (text) => this.deliver(text),
      sendToUpstream: (text) => this.link.send(text),
    });
    this.link = startUpstreamLink(
      deps,
      () => this.gateway,
      (message) => {
        deps.logger.error({ lane: deps.principal.sub }, message);
        void this.close();
      },
    );
  }

  get key(): string {
    return this.deps.key;
  }

  get principal(): Principal {
    return this.deps.principal;
  }

  /** Nothing in flight: the table may expire the lane once it has been quiet long enough. */
  get idle(): boolean {
    return this.calls.size === 0;
  }

  /** The upstream's initialize result (after the response guards), once the lane's handshake is done. */
  ready(): Promise<Json> {
    this.handshake ??= startLaneHandshake((message) => this.toSession(message));
    return this.handshake.done;
  }

  /** Runs one caller's request; its answer (or an error, never silence) goes to `reply`. */
  async submit(request: Json, reply: HttpReply, res: ServerResponse): Promise<void> {
    this.lastSeen = Date.now();
    const laneId = `warden-s${++this.next}`;
    const params = (request.params ?? {}) as Json;
    const meta = (params._meta ?? {}) as Json;
    const call: LaneCall = {
      reply,
      clientId: request.id as string | number,
      method: String(request.method),
      clientToken: meta.progressToken,
      sent: false,
    };
    this.calls.set(laneId, call);
    res.once("close", () => this.callerGone(laneId, call));
    try {
      await this.ready();
    } catch {
      this.fail(laneId, new PolicyError("ERR_UPSTREAM_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR }));
      return;
    }
    if (this.calls.get(laneId) !== call) return; // the caller left while the handshake ran
    call.sent = true;
    // Object.assign rather than spread-then-property literals, which cost µs each on Node 20 (guards/audit-detail.ts).
    const laneMeta = call.clientToken === undefined ? meta : Object.assign({}, meta, { progressToken: laneId });
    this.toSession(Object.assign({}, request, { id: laneId, params: Object.assign({}, params, { _meta: laneMeta }) }));
  }

  /** MCP 2026-07-28 "Cancellation": over HTTP, a closed response stream cancels its request. */
  private callerGone(laneId: string, call: LaneCall): void {
    if (this.calls.get(laneId) !== call) return; // already answered
    this.calls.delete(laneId);
    if (call.sent && !this.closed)
      this.toSession({
        jsonrpc: "2.0",
        method: "notifications/cancelled",
        params: { requestId: laneId, reason: "the client closed the response stream" },
      });
  }

  private toSession(message: Json): void {
    const text = JSON.stringify(message);
    void this.gateway.fromClient(text, Buffer.byteLength(text));
  }

  private deliver(text: string): void {
    this.lastSeen = Date.now();
    let message: Json;
    try {
      message = JSON.parse(text) as Json;
    } catch {
      return;
    }
    const id = message.id;
    const isRequest = typeof message.method === "string";
    if (!isRequest && id === LANE_INIT_ID) this.initAnswered(message);
    else if (!isRequest && typeof id === "string") this.answer(id, message);
    else if (isRequest && (typeof id === "string" || typeof id === "number")) this.serverRequest(id, message);
    else if (message.method === "notifications/progress") this.progress(message);
    // Any other notification has no request to go with, and 2026-07-28 has no GET stream: it is dropped.
  }

  private initAnswered(message: Json): void {
    if (this.handshake?.answered(message) !== false) return;
    this.deps.logger.error({ lane: this.deps.principal.sub }, "stateless lane: upstream initialize failed");
    void this.close();
  }

  private answer(laneId: string, message: Json): void {
    const call = this.calls.get(laneId);
    if (!call) return; // its caller is gone
    this.calls.delete(laneId);
    const { status, headers } = this.deps.answerStatus(message);
    call.reply.final(modernAnswer(message, call.clientId, call.method), status, headers);
  }

  private progress(message: Json): void {
    const token = (message.params as Json | undefined)?.progressToken;
    const call = typeof token === "string" ? this.calls.get(token) : undefined;
    if (call && call.clientToken !== undefined && call.reply.canStream)
      call.reply.event(modernProgress(message, call.clientToken));
  }

  /**
   * A server→client request (the upstream's, or the gateway's own) has nobody to answer it: the lane answers, through
   * the session and its guards, ping with an empty result and anything else with "method not found".
   */
  private serverRequest(id: string | number, message: Json): void {
    if (message.method === "ping") {
      this.toSession({ jsonrpc: "2.0", id, result: {} });
      return;
    }
    this.toSession({
      jsonrpc: "2.0",
      id,
      error: {
        code: JSONRPC.METHOD_NOT_FOUND,
        message: "A stateless (2026-07-28) client cannot answer server requests",
      },
    });
  }

  private fail(laneId: string, error: PolicyError): void {
    const call = this.calls.get(laneId);
    if (!call) return;
    this.calls.delete(laneId);
    call.reply.final(errorFrame(call.clientId, error));
  }

  /** Ends the lane: its upstream stopped, every caller still waiting answered with an error. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.deps.onGone(this);
    this.handshake?.abort("the lane closed");
    await this.link.close();
    this.gateway.upstreamExited();
    this.gateway.close();
    const error = new PolicyError("ERR_UPSTREAM_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR });
    for (const laneId of [...this.calls.keys()]) this.fail(laneId, error);
  }
}
