// A minimal Streamable HTTP client for benchmarks (MCP "Transports" › Streamable HTTP, 2025 revisions): initialize,
// initialized, then tools/call POSTs on a keep-alive connection pool, reading JSON or SSE answers. No SDK on the client
// side, so the throughput ratios reflect what sits between client and server rather than the client's own cost
// (with the SDK client in this process, the client was the bottleneck of every target alike).
import { Agent, request } from "undici";

export interface RawHttpClient {
  call(): Promise<unknown>;
  close(): Promise<void>;
}

const ECHO = { name: "echo", arguments: { message: "x".repeat(64) } };

export async function connectRaw(url: string, token: string | undefined, connections: number): Promise<RawHttpClient> {
  const dispatcher = new Agent({ connections, keepAliveTimeout: 30_000 });
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  let nextId = 1;
  const post = async (body: Record<string, unknown>) => {
    const res = await request(url, { method: "POST", headers, body: JSON.stringify(body), dispatcher });
    const text = await res.body.text();
    if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
    const sid = res.headers["mcp-session-id"];
    return {
      text,
      sid: typeof sid === "string" ? sid : undefined,
      sse: String(res.headers["content-type"]).includes("event-stream"),
    };
  };
  const rpc = async (method: string, params: Record<string, unknown>) => {
    const id = nextId++;
    const answer = await post({ jsonrpc: "2.0", id, method, params });
    const message = answerOf(answer.text, answer.sse, id);
    if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
    return { result: message.result, sid: answer.sid };
  };
  const init = await rpc("initialize", {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "bench", version: "1" },
  });
  if (init.sid) headers["mcp-session-id"] = init.sid;
  headers["mcp-protocol-version"] = String((init.result as { protocolVersion?: string }).protocolVersion);
  await post({ jsonrpc: "2.0", method: "notifications/initialized" });
  return {
    call: async () => (await rpc("tools/call", ECHO)).result,
    close: async () => {
      if (init.sid) {
        await request(url, { method: "DELETE", headers, dispatcher }).then(
          (r) => r.body.dump(),
          () => undefined,
        );
      }
      await dispatcher.close();
    },
  };
}

/** The JSON-RPC answer with this id, from a JSON body or from the `data:` events of an SSE body. */
function answerOf(text: string, sse: boolean, id: number): { result?: unknown; error?: unknown } {
  if (!sse) return JSON.parse(text) as { result?: unknown; error?: unknown };
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const message = JSON.parse(line.slice(5)) as { id?: unknown; result?: unknown; error?: unknown };
    if (message.id === id) return message;
  }
  throw new Error("the SSE answer carried no response to the request");
}
