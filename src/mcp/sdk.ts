// The only importer of @modelcontextprotocol/sdk (DESIGN.md "Stack"): a flat list of named re-exports,
// so moving to the SDK v2 packages is a change to this one file.

export { Client } from "@modelcontextprotocol/sdk/client/index.js";
export { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
export { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
export { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
export type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
export { Server } from "@modelcontextprotocol/sdk/server/index.js";
export { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
export { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
export { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
export type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
export { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
export type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
export type {
  CallToolResult,
  ClientCapabilities,
  ElicitRequestFormParams,
  ElicitResult,
  Implementation,
  JSONRPCMessage,
  ListToolsResult,
  ServerNotification,
  ServerRequest,
  Tool,
} from "@modelcontextprotocol/sdk/types.js";
export {
  CallToolRequestSchema,
  CallToolResultSchema,
  ElicitRequestSchema,
  ElicitResultSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
