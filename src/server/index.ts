// mcp-warden/server: the toolkit for MCP server authors on the official SDK (public entry, curated named exports).
export type { Confirmation } from "./confirm-call.ts";
export { createSecureServer, type SecureServerOptions } from "./create-secure-server.ts";
export {
  type AnyToolDefinition,
  defineTool,
  type ToolCallContext,
  type ToolConfirmMode,
  type ToolDefinition,
  type ToolResponseOptions,
} from "./define-tool.ts";
export type { CapOutcome, RedactionOutcome, ResponseFilters } from "./response-filters.ts";
export { defaultResponseFilters } from "./response-filters.ts";
export { DEFAULT_MAX_STRING_LENGTH, type InputShape, strictInput } from "./strict-input.ts";
export {
  argsFingerprint,
  auditLogSink,
  memoryAuditSink,
  type ToolAuditRecord,
  type ToolAuditSink,
  type ToolkitAuditOptions,
} from "./toolkit-audit.ts";
