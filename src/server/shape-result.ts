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
  const json = toJsonValue(data);
  let value = fields === undefined ? json : settings.filters.project(json, fields);
  let redactions: Record<string, number> = {};
  if (settings.redact && tool.response?.redact !== false) {
    const outcome = settings.filters.redact(value);
    value = outcome.value;
    redactions = outcome.counts;
  }
  const text = JSON.stringify(value ?? null);
  const maxBytes = Math.min(tool.response?.maxBytes ?? settings.maxResponseBytes, settings.maxResponseBytes);
  const capped = settings.filters.cap(text, maxBytes);
  // structuredContent repeats the text; keep it only while both together stay within the cap.
  const structured = !capped.truncated && isPlainObject(value) && 2 * Buffer.byteLength(capped.text) <= maxBytes;
  const result: CallToolResult = {
    content: [{ type: "text", text: capped.text }],
    ...(structured ? { structuredContent: value as Record<string, unknown> } : {}),
  };
  return { result, redactions, bytesOut: Buffer.byteLength(capped.text), truncated: capped.truncated };
}

// One JSON round trip first: Dates become ISO strings, bigints decimal strings, and the filters see plain data.
function toJsonValue(data: unknown): unknown {
  const text = JSON.stringify(data ?? null, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return JSON.parse(text ?? "null");
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
