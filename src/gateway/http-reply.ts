// One pending POST answer of the Streamable HTTP front (MCP "Transports" › Sending Messages to the Server): a single
// application/json response, switched to a text/event-stream when server→client messages must go out before it.
import type { ServerResponse } from "node:http";

export class HttpReply {
  private sse = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly acceptsSse: boolean,
    private readonly headers: Record<string, string>,
  ) {}

  /** True while this reply can still carry server→client messages as SSE events. */
  get canStream(): boolean {
    return this.acceptsSse && !this.res.writableEnded && !this.res.destroyed;
  }

  get done(): boolean {
    return this.res.writableEnded || this.res.destroyed;
  }

  /** A server→client message sent before the answer: switches the reply to SSE (JSON-RPC text has no raw newlines). */
  event(text: string): void {
    if (this.done) return;
    if (!this.sse) {
      // X-Accel-Buffering: reverse proxies must not hold events back (MCP 2026-07-28 "Streamable HTTP").
      this.res.writeHead(200, {
        ...this.headers,
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        "x-accel-buffering": "no",
      });
      this.sse = true;
    }
    this.res.write(`event: message\ndata: ${text}\n\n`);
  }

  /** The answer: ends the reply. `status`/`extra` apply only while no SSE event has been sent. */
  final(text: string, status = 200, extra: Record<string, string> = {}): void {
    if (this.done) return;
    if (this.sse) {
      this.event(text);
      this.res.end();
      return;
    }
    // Object.assign, not a spread followed by more keys: that literal costs µs per answer on Node 20 (see
    // guards/audit-detail.ts), and this runs once per request.
    const headers: Record<string, string> = Object.assign({}, this.headers, extra);
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(text));
    this.res.writeHead(status, headers);
    this.res.end(text);
  }
}

/** Writes one SSE event on a long-lived GET stream. */
export function writeSseEvent(res: ServerResponse, text: string): void {
  res.write(`event: message\ndata: ${text}\n\n`);
}
