// createSecureServer(): an SDK McpServer whose tools/list and tools/call go through the toolkit's guards.
// tools/* handlers are installed on the underlying Server, so a later McpServer.registerTool() (which would bypass
// the guards) fails loudly instead of silently adding an unguarded tool.

import type { z } from "zod";
import type { AuditPrincipal } from "../audit/event.ts";
import { PolicyError } from "../errors.ts";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  McpServer,
  type RequestHandlerExtra,
  type ServerNotification,
  type ServerRequest,
} from "../mcp/sdk.ts";
import { createCallAudit } from "./call-audit.ts";
import { type CallSettings, callTool } from "./call-tool.ts";
import { type CompiledTool, compileTool } from "./compile-tool.ts";
import type { AnyToolDefinition } from "./define-tool.ts";
import { defaultResponseFilters, type ResponseFilters } from "./response-filters.ts";
import { callerScopes, hasScopes } from "./scopes.ts";
import type { ToolkitAuditOptions } from "./toolkit-audit.ts";
import { wireError } from "./wire-error.ts";

export interface SecureServerOptions {
  name: string;
  version: string;
  instructions?: string;
  tools: readonly AnyToolDefinition[];
  audit?: ToolkitAuditOptions;
  confirm?: {
    /** Let `confirm: true` stand in when the client cannot elicit (weaker; audited as such). Default false. */
    paramFallback?: boolean;
    /** How long to wait for the human's answer (default 120 s); no answer is a no. */
    timeoutMs?: number;
  };
  /** Scopes of a caller without a token (stdio: the local user who launched the server). Default none. */
  localScopes?: readonly string[];
  /** Cap on every tool result in bytes (default 262144); a tool's response.maxBytes can only lower it. */
  maxResponseBytes?: number;
  /** Mask secrets and PII in results (default true). */
  redact?: boolean;
  /** Replaces the built-in projection / redaction / size-cap functions (e.g. with the shared guards). */
  responseFilters?: ResponseFilters;
  /** Bound on array items plus object members in one call's arguments (default 1000). */
  maxInputElements?: number;
  /** Operator-facing report of a handler failure or audit problem; default one line on stderr. */
  onError?: (context: string, err: unknown) => void;
}

export function createSecureServer(options: SecureServerOptions): McpServer {
  const mcp = new McpServer(
    { name: options.name, version: options.version },
    options.instructions === undefined ? {} : { instructions: options.instructions },
  );
  const settings = callSettings(mcp, options);
  mcp.server.registerCapabilities({ tools: { listChanged: false } });
  mcp.server.setRequestHandler(ListToolsRequestSchema, (_request, extra) => {
    const held = callerScopes(extra.authInfo, settings.localScopes);
    // A caller sees only the tools its scopes allow (least privilege also for discovery).
    const listed = [...settings.tools.values()].filter((t) => hasScopes(t.definition.scopes ?? [], held));
    return { tools: listed.map((t) => t.listing) };
  });
  mcp.server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    handleCall(settings, options, request, extra),
  );
  return mcp;
}

function callSettings(mcp: McpServer, options: SecureServerOptions): CallSettings {
  const paramFallback = options.confirm?.paramFallback === true;
  const tools = new Map<string, CompiledTool>();
  for (const definition of options.tools) {
    if (tools.has(definition.name)) throw new TypeError(`tool ${definition.name} is defined twice`);
    tools.set(definition.name, compileTool(definition, paramFallback));
  }
  const onError = options.onError ?? reportToStderr;
  return {
    server: mcp.server,
    tools,
    localScopes: options.localScopes ?? [],
    paramFallback,
    confirmTimeoutMs: options.confirm?.timeoutMs ?? 120_000,
    maxInputElements: options.maxInputElements ?? 1000,
    maxResponseBytes: options.maxResponseBytes ?? 262_144,
    redact: options.redact !== false,
    filters: options.responseFilters ?? defaultResponseFilters(),
    onToolError: (tool, err) => onError(`tool ${tool} failed`, err),
  };
}

type CallRequestMessage = z.infer<typeof CallToolRequestSchema>;
type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

// Every refusal leaves as a JSON-RPC error with a stable code; anything unexpected becomes ERR_TOOL_FAILED.
async function handleCall(
  settings: CallSettings,
  options: SecureServerOptions,
  request: CallRequestMessage,
  extra: Extra,
): Promise<CallToolResult> {
  const onError = options.onError ?? reportToStderr;
  const audit = createCallAudit(options.audit, {
    upstream: options.name,
    session: extra.sessionId ?? "stdio",
    principal: principalOf(extra.authInfo),
    tool: request.params.name,
    rawArgs: request.params.arguments ?? {},
    onError: (err) => onError("audit write failed", err),
  });
  const { name, arguments: args } = request.params;
  try {
    const req = { name, arguments: args, requestId: extra.requestId, authInfo: extra.authInfo, signal: extra.signal };
    return await callTool(settings, req, audit);
  } catch (err) {
    const refusal = err instanceof PolicyError ? err : new PolicyError("ERR_TOOL_FAILED", { jsonRpcCode: -32603 });
    if (!(err instanceof PolicyError)) onError(`tool ${name} failed`, err);
    audit.deny(refusal.code);
    throw wireError(refusal);
  }
}

function principalOf(authInfo: { clientId: string; extra?: Record<string, unknown> } | undefined): AuditPrincipal {
  if (authInfo === undefined) return { sub: "local", iss: "local", client_id: null };
  const sub = authInfo.extra?.sub;
  const iss = authInfo.extra?.iss;
  return {
    sub: typeof sub === "string" ? sub : null,
    iss: typeof iss === "string" ? iss : null,
    client_id: authInfo.clientId,
  };
}

function reportToStderr(context: string, err: unknown): void {
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  process.stderr.write(`mcp-warden/server: ${context}: ${detail.split("\n")[0]}\n`);
}
