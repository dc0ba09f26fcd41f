// Benchmark child: the SDK's own Streamable HTTP server with the echo tool in-process (the "direct" target), in its
// own process like every other target, so it does not share the benchmark client's event loop.
// IPC: sends { url } once listening; exits when the parent disconnects.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  Server,
  StreamableHTTPServerTransport,
} from "../../src/mcp/sdk.ts";

const transports = new Map<string, StreamableHTTPServerTransport>();

async function transportFor(sid: string | string[] | undefined): Promise<StreamableHTTPServerTransport> {
  const found = typeof sid === "string" ? transports.get(sid) : undefined;
  if (found) return found;
  const created: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableJsonResponse: true,
    onsessioninitialized: (id: string): void => {
      transports.set(id, created);
    },
  });
  const server = new Server({ name: "direct", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [{ name: "echo", inputSchema: { type: "object" } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, (r) => ({
    content: [{ type: "text", text: String(r.params.arguments?.message) }],
  }));
  await server.connect(created);
  return created;
}

const http = createServer(async (req, res) => {
  const transport = await transportFor(req.headers["mcp-session-id"]);
  await transport.handleRequest(req, res);
});
http.listen(0, "127.0.0.1", () => {
  process.send?.({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp` });
});
process.on("disconnect", () => http.close(() => process.exit(0)));
