// Benchmark upstream on the official SDK: `echo` returns its message, `blob` returns a text of N bytes.
import { z } from "zod";
import { McpServer, StdioServerTransport } from "../../src/mcp/sdk.ts";

const server = new McpServer({ name: "bench-server", version: "1.0.0" });
const blobs = new Map<number, string>();

server.registerTool(
  "echo",
  {
    description: "Echoes the message.",
    inputSchema: { message: z.string().max(4096) },
    annotations: { readOnlyHint: true },
  },
  async ({ message }) => ({ content: [{ type: "text", text: message }] }),
);

server.registerTool(
  "blob",
  {
    description: "Returns a text of the given size.",
    inputSchema: { bytes: z.number().int().min(1).max(1_048_576) },
    annotations: { readOnlyHint: true },
  },
  async ({ bytes }) => {
    let text = blobs.get(bytes);
    if (!text) {
      // Log-like lines, so redaction scans realistic text rather than one repeated byte.
      const line = "2026-11-23T10:00:00Z INFO request served path=/api/v1/items status=200 duration_ms=12\n";
      text = line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
      blobs.set(bytes, text);
    }
    return { content: [{ type: "text", text }] };
  },
);

await server.connect(new StdioServerTransport());
