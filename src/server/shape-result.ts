// Turns handler data into the tool result: projection, redaction, size cap, then text (+ structured) content.
import type { CallToolResult } from "../mcp/sdk.ts";
import type { ToolDefinition } from "./define-tool.ts";
import type { ResponseFilters } from "./response-filters.ts";

export interface ShapeSettings {
  readonly maxResponseBytes: number;
  readonly redact: boolean;
  readonly filters: ResponseFilters;
}

export interface ShapedResult {
  result: CallToolResult;
  redactions: Record<string, number>;
  bytesOut: number;
  truncated: boolean;
}

export function shapeResult(data: unknown, tool: ToolDefinition, settings: ShapeSettings): ShapedResult {
  const fields = tool.response?.fields;
  let value = fields === undefined ? data : settings.filters.project(data, fields);
  let redactions: Record<string, number> = {};
  if (settings.redact && tool.response?.redact !== false) {
    const outcome = settings.filters.redact(value);
    value = outcome.value;
    redactions = outcome.counts;
  }
  const text = JSON.stringify(value ?? null);
  const maxBytes = Math.min(tool.response?.maxBytes ?? settings.maxResponseBytes, settings.maxResponseBytes);
  const capped = settings.filters.cap(text, maxBytes);
  const structured = !capped.truncated && isPlainObject(value);
  const result: CallToolResult = {
    content: [{ type: "text", text: capped.text }],
    ...(structured ? { structuredContent: value as Record<string, unknown> } : {}),
  };
  return { result, redactions, bytesOut: Buffer.byteLength(capped.text), truncated: capped.truncated };
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
