// The upstream → client direction of a GatewaySession: answers to forwarded calls (response guards, then the original
// bytes unless a guard changed them), the upstream's own requests (elicitation, sampling, roots) and notifications.
// Handled strictly in arrival order, even when a guard is asynchronous: a progress notification must not overtake the
// response it precedes (JSON-RPC streams are ordered).
import { JSONRPC, PolicyError } from "../errors.ts";
import type { MessageContext } from "../guards/types.ts";
import type { OversizeInfo } from "../mcp/frame.ts";
import type { JsonRpcNotification, JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { parseMessage, recoverId } from "../mcp/parse.ts";
import type { ChainOutcome } from "../policy/chain.ts";
import { afterChain, type ClientCall, recoverIdFromEdges, type SessionCore } from "./session-core.ts";
import { errorFrame } from "./wire-errors.ts";

export class UpstreamSide {
  private tail: Promise<void> | undefined;

  constructor(private readonly core: SessionCore) {}

  fromUpstream(text: string, bytes: number): Promise<void> | undefined {
    // Fast path: nothing queued, so a message whose handling is synchronous (every response guard of the default
    // chain is) is handled now without a promise; a queue is only built while an asynchronous handling is pending.
    if (this.tail === undefined) {
      let pending: Promise<void> | undefined;
      try {
        pending = this.handle(text, bytes);
      } catch (err) {
        this.failed(err);
      }
      if (pending === undefined) return undefined;
      return this.setTail(pending.catch((err: unknown) => this.failed(err)));
    }
    const handle = () => this.handle(text, bytes);
    return this.setTail(this.tail.then(handle, handle).catch((err: unknown) => this.failed(err)));
  }

  fromUpstreamOversize(info: OversizeInfo): void {
    const id = recoverIdFromEdges(info);
    this.core.deps.logger.warn({ bytes: info.bytes }, "oversized message from upstream dropped");
    if (id !== null)
      this.core.failClientCall(
        id,
        new PolicyError("ERR_POLICY_RESPONSE_TOO_LARGE", { jsonRpcCode: JSONRPC.SERVER_ERROR }),
      );
  }

  private setTail(tail: Promise<void>): Promise<void> {
    this.tail = tail;
    // Once the last queued handling is done, later messages take the synchronous path again.
    void tail.then(() => {
      if (this.tail === tail) this.tail = undefined;
    });
    return tail;
  }

  private failed(err: unknown): void {
    this.core.deps.logger.error({ err: String(err) }, "upstream message handling failed");
  }

  private handle(text: string, bytes: number): Promise<void> | undefined {
    let parsed: ReturnType<typeof parseMessage>;
    try {
      parsed = parseMessage(text);
    } catch (err) {
      this.core.deps.logger.warn({ code: (err as PolicyError).code }, "malformed message from upstream dropped");
      const id = recoverId(text);
      if (id !== null)
        this.core.failClientCall(
          id,
          new PolicyError("ERR_UPSTREAM_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR }),
        );
      return undefined;
    }
    const { message } = parsed;
    if (parsed.kind === "response") return this.response(message as JsonRpcResponse, text, bytes);
    if (parsed.kind === "request") return this.serverRequest(message as JsonRpcRequest, bytes);
    return this.serverNotification(message as JsonRpcNotification, text, bytes);
  }

  private response(res: JsonRpcResponse, text: string, bytes: number): Promise<void> | undefined {
    const { core } = this;
    if (res.id === null) return undefined;
    if (core.toUpstream.settle(res)) return undefined;
    const call = core.clientCalls.take(res.id);
    if (!call) return undefined; // answer to a cancelled or timed-out call: the client no longer expects it
    const ctx = core.context("response", res, bytes, call.info, call.audit);
    if (call.info.method === "initialize" && res.result) this.noteServerInitialize(res.result);
    return afterChain(core.deps.chain.run(ctx), (outcome) => this.answer(res, text, ctx, call, outcome));
  }

  private answer(res: JsonRpcResponse, text: string, ctx: MessageContext, call: ClientCall, outcome: ChainOutcome) {
    const { core } = this;
    if (res.id === null) return;
    if (!outcome.ok) {
      if (outcome.cause) core.deps.logger.error({ guard: outcome.guard, err: String(outcome.cause) }, "guard failed");
      core.deps.sendToClient(errorFrame(res.id, outcome.error));
      core.audit.ended(call, "refused", outcome.error.code, null);
      return;
    }
    const frame = ctx.changed ? JSON.stringify(ctx.message) : text;
    core.deps.sendToClient(frame, ctx.message);
    if (call.info.method === "tools/list" && ctx.changed) core.deps.logger.debug("tools/list filtered");
    core.audit.ended(call, res.error ? "error" : "ok", null, Buffer.byteLength(frame));
  }

  private noteServerInitialize(result: Record<string, unknown>): void {
    if (typeof result.protocolVersion === "string") this.core.state.protocolVersion = result.protocolVersion;
  }

  private serverRequest(req: JsonRpcRequest, bytes: number): Promise<void> | undefined {
    const { core } = this;
    if (core.serverCalls.has(req.id) || core.toClient.owns(req.id)) {
      core.deps.sendToUpstream(errorFrame(req.id, new PolicyError("ERR_PROTOCOL_DUPLICATE_ID")));
      return undefined;
    }
    const ctx = core.context("server-request", req, bytes);
    return afterChain(core.deps.chain.run(ctx), (outcome) => {
      if (!outcome.ok) {
        core.deps.sendToUpstream(errorFrame(req.id, outcome.error));
        core.audit.denied(req.method, null, outcome.error.code);
        return;
      }
      core.serverCalls.add(req.id, req.method);
      core.deps.sendToClient(JSON.stringify(ctx.message));
    });
  }

  private serverNotification(note: JsonRpcNotification, text: string, bytes: number): Promise<void> | undefined {
    return this.core.passNotification("server-notification", note, bytes, (ctx) => {
      if (note.method === "notifications/tools/list_changed") this.core.catalog.invalidate();
      this.core.deps.sendToClient(ctx.changed ? JSON.stringify(ctx.message) : text);
    });
  }
}
