// The tools/call path of the secure server: lookup → scopes → strict arguments → confirmation → audit(start) →
// handler → projection, redaction, size cap → audit(end). Refusals and failures never carry internal text.
import { PolicyError } from "../errors.ts";
import type { AuthInfo, CallToolResult, Server } from "../mcp/sdk.ts";
import type { CallAudit } from "./call-audit.ts";
import type { CompiledTool } from "./compile-tool.ts";
import { type Confirmation, confirmCall } from "./confirm-call.ts";
import type { ToolCallContext } from "./define-tool.ts";
import type { ResponseFilters } from "./response-filters.ts";
import { callerScopes, requireScopes } from "./scopes.ts";
import { shapeResult } from "./shape-result.ts";
import { countElements } from "./strict-input.ts";

export interface CallSettings {
  readonly server: Server;
  readonly tools: ReadonlyMap<string, CompiledTool>;
  readonly localScopes: readonly string[];
  readonly paramFallback: boolean;
  readonly confirmTimeoutMs: number;
  readonly maxInputElements: number;
  readonly maxResponseBytes: number;
  readonly redact: boolean;
  readonly filters: ResponseFilters;
  /** Operator-facing report of a handler failure (stderr by default); the client only sees ERR_TOOL_FAILED. */
  readonly onToolError: (tool: string, err: unknown) => void;
}

export interface CallRequest {
  name: string;
  arguments: Record<string, unknown> | undefined;
  requestId: string | number;
  authInfo: AuthInfo | undefined;
  signal: AbortSignal;
}

/** Runs one call; throws PolicyError for refusals, returns an isError result for handler failures. */
export async function callTool(settings: CallSettings, req: CallRequest, audit: CallAudit): Promise<CallToolResult> {
  const tool = settings.tools.get(req.name);
  // Unknown and not-allowed tools answer alike (DESIGN.md "Denials never leak").
  if (tool === undefined) throw new PolicyError("ERR_POLICY_TOOL_NOT_ALLOWED", { jsonRpcCode: -32602 });
  const scopes = callerScopes(req.authInfo, settings.localScopes);
  requireScopes(tool.definition.scopes ?? [], scopes);
  const { args, confirmParam } = validateArgs(settings, tool, req.arguments);
  const confirmation = await confirmCall({
    server: settings.server,
    tool: tool.definition.name,
    mode: tool.definition.confirm ?? "elicit",
    args,
    confirmParam,
    paramFallback: settings.paramFallback,
    timeoutMs: settings.confirmTimeoutMs,
    relatedRequestId: req.requestId,
    signal: req.signal,
  });
  audit.confirmed(confirmationDetail(confirmation));
  await audit.start(args);
  const ctx: ToolCallContext = { authInfo: req.authInfo, scopes, signal: req.signal };
  let data: unknown;
  try {
    data = await tool.definition.handler(Object.freeze(args), ctx);
  } catch (err) {
    settings.onToolError(tool.definition.name, err);
    return handlerFailure(err, audit);
  }
  const shaped = shapeResult(data, tool.definition, settings);
  audit.finish("ok", shaped);
  return shaped.result;
}

function validateArgs(
  settings: CallSettings,
  tool: CompiledTool,
  raw: Record<string, unknown> | undefined,
): { args: Record<string, unknown>; confirmParam: unknown } {
  if (countElements(raw ?? {}, settings.maxInputElements) > settings.maxInputElements) {
    throw new PolicyError("ERR_POLICY_ARGS_INVALID", { jsonRpcCode: -32602 });
  }
  const parsed = tool.schema.safeParse(raw ?? {});
  // The zod issue list is not sent: it can echo values and schema internals (CWE-209).
  if (!parsed.success) throw new PolicyError("ERR_POLICY_ARGS_INVALID", { jsonRpcCode: -32602 });
  const { confirm, ...args } = parsed.data;
  return { args, confirmParam: confirm };
}

function confirmationDetail(c: Confirmation): Record<string, unknown> {
  return c.method === "none" ? {} : { confirmation: c.method, ...(c.weaker ? { confirmation_weaker: true } : {}) };
}

// A handler may refuse on purpose with a PolicyError (safe message by contract); anything else is an internal
// failure whose text must not reach the model (DESIGN.md "Known pitfalls": McpServer forwards error text).
function handlerFailure(err: unknown, audit: CallAudit): CallToolResult {
  const error = err instanceof PolicyError ? err : new PolicyError("ERR_TOOL_FAILED");
  audit.finish("error", undefined, error.code);
  return {
    isError: true,
    content: [{ type: "text", text: `${error.message} (${error.code})` }],
    structuredContent: { error: { code: error.code, message: error.message } },
  };
}
