// Peer for comparison: a stdio proxy built the "obvious" way, from the SDK's Client + Server pair (no policy). It shows
// what re-implementing the protocol per hop costs, measured in the same run as mcp-warden.
import {
  CallToolRequestSchema,
  Client,
  ListToolsRequestSchema,
  Server,
  StdioClientTransport,
  StdioServerTransport,
} from "../../src/mcp/sdk.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: sdk-pair-proxy COMMAND ARGS...");
const upstream = new Client({ name: "sdk-pair-proxy", version: "1.0.0" });
await upstream.connect(new StdioClientTransport({ command, args, stderr: "inherit" }));
const front = new Server({ name: "sdk-pair-proxy", version: "1.0.0" }, { capabilities: { tools: {} } });
front.setRequestHandler(ListToolsRequestSchema, (req) => upstream.listTools(req.params));
front.setRequestHandler(CallToolRequestSchema, (req) => upstream.callTool(req.params));
await front.connect(new StdioServerTransport());
