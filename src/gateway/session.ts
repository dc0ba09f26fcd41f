// One client session of the gateway: routes every message between the client (front) and the upstream through the
// guard chain, keeps the in-flight tables, and answers refusals. Transport-agnostic: the fronts and upstream links call
// in with framed text and get framed text back, so guards never care which front a message came through.
// The two directions live in session-client-side.ts and session-upstream-side.ts, their shared state in
// session-core.ts; this class is the session's face and its lifecycle.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { SessionState } from "../guards/types.ts";
import type { OversizeInfo } from "../mcp/frame.ts";
import type { JsonRpcMessage, JsonRpcRequest } from "../mcp/jsonrpc.ts";
import { ClientSide } from "./session-client-side.ts";
import { SessionCore, type SessionDeps } from "./session-core.ts";
import { UpstreamSide } from "./session-upstream-side.ts";
import { errorFrame } from "./wire-errors.ts";

export type { SessionDeps };

export class GatewaySession {
  private readonly core: SessionCore;
  private readonly client: ClientSide;
  private readonly upstream: UpstreamSide;

  constructor(deps: SessionDeps) {
    this.core = new SessionCore(deps);
    this.client = new ClientSide(this.core);
    this.upstream = new UpstreamSide(this.core);
  }

  get state(): SessionState {
    return this.core.state;
  }

  fromClient(text: string, bytes: number, value?: unknown): Promise<void> | undefined {
    return this.client.fromClient(text, bytes, value);
  }

  fromClientOversize(info: OversizeInfo): void {
    this.client.fromClientOversize(info);
  }

  fromUpstream(text: string, bytes: number): Promise<void> | undefined {
    return this.upstream.fromUpstream(text, bytes);
  }

  fromUpstreamOversize(info: OversizeInfo): void {
    this.upstream.fromUpstreamOversize(info);
  }

  /** The upstream died: every pending call is answered now, never left hanging. */
  upstreamExited(): void {
    const { core } = this;
    const error = new PolicyError("ERR_UPSTREAM_EXITED", { jsonRpcCode: JSONRPC.SERVER_ERROR });
    for (const call of core.clientCalls.drain()) {
      core.deps.sendToClient(errorFrame(call.info.id, error));
      core.audit.ended(call, "upstream-exited", error.code, null);
    }
    core.serverCalls.drain();
    core.toUpstream.failAll(error);
    core.catalog.invalidate();
  }

  /** A replacement child is up: replay the client's initialize so it is in the same state (answer swallowed). */
  async upstreamRestarted(): Promise<void> {
    const { core } = this;
    if (!core.initializeFrame) return;
    const init = JSON.parse(core.initializeFrame) as JsonRpcRequest;
    try {
      await core.toUpstream.request("initialize", init.params ?? {}, 30_000);
      core.deps.sendToUpstream(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
      core.deps.logger.info("upstream restarted and re-initialised");
    } catch (err) {
      core.deps.logger.error({ err: String(err) }, "re-initialising the restarted upstream failed");
    }
  }

  /** Resolves when no client call is in flight any more, or after `maxWaitMs`. */
  async settled(maxWaitMs: number): Promise<void> {
    const deadline = performance.now() + maxWaitMs;
    while ((this.core.clientCalls.size > 0 || this.core.preForward.size > 0) && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.core.toClient.failAll(new PolicyError("ERR_UPSTREAM_UNAVAILABLE"));
    this.core.toUpstream.failAll(new PolicyError("ERR_UPSTREAM_UNAVAILABLE"));
    this.core.clientCalls.drain();
  }
}

export type { JsonRpcMessage };
