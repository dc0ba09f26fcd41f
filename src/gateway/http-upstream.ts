// A remote Streamable HTTP upstream (MCP "Transports" › Streamable HTTP, client side) over undici: each message is
// POSTed with the policy's own credentials (`upstreams.<name>.headers`, from ${env:…}); the client's token never
// is. JSON and SSE answers are split into messages for the session; one link = one upstream session.
import { Agent, request } from "undici";
import { JSONRPC, PolicyError } from "../errors.ts";
import type { HttpUpstreamConfig } from "../policy/schema.ts";
import type { Logger } from "./logger.ts";
import type { UpstreamEvents, UpstreamLink } from "./upstream-stdio.ts";
import { errorFrame } from "./wire-errors.ts";

export function startHttpUpstream(
  name: string,
  config: HttpUpstreamConfig,
  opts: { logger: Logger; maxMessageBytes: number },
  events: Pick<UpstreamEvents, "onLine" | "onFatal">,
): UpstreamLink {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  let sessionId: string | undefined;
  let protocolVersion: string | undefined;
  let closed = false;

  // Built with Object.assign and stores: a spread followed by more keys costs µs per request on Node 20.
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = Object.assign({}, config.headers);
    h["content-type"] = "application/json";
    h.accept = "application/json, text/event-stream";
    if (sessionId) h["mcp-session-id"] = sessionId;
    if (protocolVersion) h["mcp-protocol-version"] = protocolVersion;
    return h;
  };

  const deliver = (text: string) => {
    if (text.length > opts.maxMessageBytes) return;
    if (protocolVersion === undefined && text.includes('"protocolVersion"')) {
      const v = (JSON.parse(text) as { result?: { protocolVersion?: unknown } }).result?.protocolVersion;
      if (typeof v === "string") protocolVersion = v;
    }
    events.onLine(text, Buffer.byteLength(text));
  };

  const post = async (text: string, id: unknown) => {
    try {
      const res = await request(config.url, { method: "POST", headers: headers(), body: text, dispatcher });
      const sid = res.headers["mcp-session-id"];
      if (typeof sid === "string") sessionId = sid;
      const type = String(res.headers["content-type"] ?? "");
      if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}`);
      if (type.includes("text/event-stream")) await readSse(res.body, deliver, opts.maxMessageBytes);
      else {
        const body = await res.body.text();
        if (body.trim() !== "") deliver(body);
      }
    } catch (err) {
      opts.logger.warn({ upstream: name, err: String(err) }, "upstream HTTP request failed");
      if (typeof id === "string" || typeof id === "number") {
        deliver(errorFrame(id, new PolicyError("ERR_UPSTREAM_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR })));
      }
    }
  };

  return {
    get connected() {
      return !closed;
    },
    send(text) {
      if (closed) return false;
      let id: unknown;
      try {
        id = (JSON.parse(text) as { id?: unknown }).id;
      } catch {
        return false;
      }
      void post(text, id);
      return true;
    },
    async close() {
      if (closed) return;
      closed = true;
      // End the upstream session (MCP "Session Management"); failures only mean it was gone already.
      if (sessionId) {
        await request(config.url, { method: "DELETE", headers: headers(), dispatcher })
          .then((r) => r.body.dump())
          .catch(() => undefined);
      }
      await dispatcher.close().catch(() => undefined);
    },
  };
}

/** Reads `data:` lines of an SSE body (WHATWG "Server-sent events" §9.2) and hands each event's data on. */
async function readSse(body: AsyncIterable<Buffer>, onData: (text: string) => void, max: number): Promise<void> {
  let buffer = "";
  let data: string[] = [];
  for await (const chunk of body) {
    buffer += chunk.toString("utf8");
    if (buffer.length > max) throw new Error("upstream SSE event exceeds the size limit");
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, "");
      buffer = buffer.slice(nl + 1);
      if (line === "") {
        if (data.length > 0) onData(data.join("\n"));
        data = [];
      } else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      nl = buffer.indexOf("\n");
    }
  }
  if (data.length > 0) onData(data.join("\n"));
}
