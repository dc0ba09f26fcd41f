// Guard `project`: minimal responses. For a tool with `response.fields`, tools/call results keep only the listed
// fields of `structuredContent` and of text content that parses as JSON; any other content is refused unless
// `response.non_json: allow`. On tools/list, the tool's `outputSchema` is projected alike so clients that validate
// structured results still accept them. Messages that already hold only listed fields are not rewritten.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcResponse } from "../mcp/jsonrpc.ts";
import type { ToolPolicy } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";
import { addAuditDetail } from "./audit-detail.ts";
import { type FieldTree, fieldTree, isProjectable, projectSchema, projectValue } from "./projection.ts";
import type { Guard, MessageContext, ToolDefinition } from "./types.ts";

export function project(): Guard {
  return {
    id: "project",
    phases: ["response"],
    run(ctx: MessageContext) {
      const result = (ctx.message as JsonRpcResponse).result;
      if (!result) return; // error responses carry no tool data; redaction still scans their text
      const method = ctx.request?.method;
      if (method === "tools/call") projectCall(ctx, result);
      else if (method === "tools/list") projectList(ctx, result);
    },
  };
}

function responsePolicy(ctx: MessageContext, tool: unknown): ToolPolicy["response"] {
  if (typeof tool !== "string") return undefined;
  return toolPolicyFor(ctx.policy, ctx.session.upstream, tool)?.response;
}

function projectCall(ctx: MessageContext, result: Record<string, unknown>): void {
  const response = responsePolicy(ctx, ctx.request?.tool);
  if (!response?.fields) return;
  const tree = fieldTree(response.fields);
  const allowOther = response.non_json === "allow";
  let changed = false;
  if (typeof result.structuredContent === "object" && result.structuredContent !== null) {
    const p = projectValue(result.structuredContent, tree);
    if (p.dropped) {
      result.structuredContent = p.value;
      changed = true;
    }
  }
  if (Array.isArray(result.content)) {
    for (const item of result.content) changed = projectContent(item, tree, allowOther) || changed;
  }
  if (changed) {
    addAuditDetail(ctx, "projection", { fields: response.fields.length });
    ctx.markChanged();
  }
}

/** Projects one content block in place; returns true when it changed. Non-JSON content is refused or allowed. */
function projectContent(item: unknown, tree: FieldTree, allowOther: boolean): boolean {
  const block = item as { type?: unknown; text?: unknown; resource?: { text?: unknown } };
  const holder = block?.type === "text" ? block : block?.type === "resource" ? block.resource : undefined;
  if (typeof holder?.text !== "string") return refuseUnless(allowOther);
  const parsed = parseJson(holder.text);
  if (!isProjectable(parsed)) return refuseUnless(allowOther);
  const p = projectValue(parsed, tree);
  if (!p.dropped) return false;
  holder.text = holder.text.includes("\n") ? JSON.stringify(p.value, null, 2) : JSON.stringify(p.value);
  return true;
}

function refuseUnless(allowOther: boolean): false {
  if (allowOther) return false;
  throw new PolicyError("ERR_POLICY_RESPONSE_NOT_JSON", { jsonRpcCode: JSONRPC.SERVER_ERROR });
}

/** Parsed JSON, or undefined for text that is not a JSON object or array (parse errors included). */
function parseJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // also RangeError on pathological nesting: treated as not JSON, so refused
  }
}

function projectList(ctx: MessageContext, result: Record<string, unknown>): void {
  if (!Array.isArray(result.tools)) return;
  let changed = false;
  for (const tool of result.tools as ToolDefinition[]) {
    if (typeof tool !== "object" || tool === null || tool.outputSchema === undefined) continue;
    const fields = responsePolicy(ctx, tool.name)?.fields;
    if (!fields) continue;
    const p = projectSchema(tool.outputSchema, fieldTree(fields));
    if (p.dropped) {
      tool.outputSchema = p.value as Record<string, unknown>;
      changed = true;
    }
  }
  if (changed) ctx.markChanged();
}
