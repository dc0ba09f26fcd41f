// Parses one framed message, once, and classifies it. Anything that is not a single well-formed JSON-RPC 2.0 message is
// refused here with a PolicyError, so guards only ever see valid shapes.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcMessage } from "./jsonrpc.ts";

export type MessageKind = "request" | "notification" | "response";

export interface ParsedMessage {
  kind: MessageKind;
  message: JsonRpcMessage;
}

export function parseMessage(text: string): ParsedMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PolicyError("ERR_PROTOCOL_PARSE", { jsonRpcCode: JSONRPC.PARSE_ERROR });
  }
  return classifyMessage(value);
}

/** Classifies an already-parsed value (the HTTP front parses the body once to route it, then hands the value on). */
export function classifyMessage(value: unknown): ParsedMessage {
  if (Array.isArray(value)) {
    // Batching was removed from MCP in 2025-06-18; accepting batches would let one frame smuggle many calls past
    // per-message limits, so the gateway refuses them in every revision.
    throw new PolicyError("ERR_PROTOCOL_BATCH", { jsonRpcCode: JSONRPC.INVALID_REQUEST });
  }
  return { kind: classify(value), message: value as JsonRpcMessage };
}

function classify(value: unknown): MessageKind {
  if (value === null || typeof value !== "object") throw invalid();
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== "2.0") throw invalid();
  if (m.params !== undefined && (m.params === null || typeof m.params !== "object" || Array.isArray(m.params))) {
    // MCP params are always objects (schema: `params?: { [key: string]: unknown }`).
    throw invalid();
  }
  if (typeof m.method === "string") {
    if (m.method.length === 0 || "result" in m || "error" in m) throw invalid();
    if (!("id" in m)) return "notification";
    if (!isValidId(m.id)) throw invalid();
    return "request";
  }
  if ("method" in m || !("id" in m)) throw invalid();
  if (m.id !== null && !isValidId(m.id)) throw invalid();
  const hasResult = "result" in m;
  const hasError = "error" in m;
  if (hasResult === hasError) throw invalid();
  if (hasResult && (m.result === null || typeof m.result !== "object" || Array.isArray(m.result))) throw invalid();
  if (hasError && !isErrorObject(m.error)) throw invalid();
  return "response";
}

/** JSON-RPC ids: strings or integers (MCP forbids null request ids). Non-finite or fractional numbers are refused. */
function isValidId(id: unknown): id is string | number {
  if (typeof id === "string") return id.length <= 256;
  return typeof id === "number" && Number.isSafeInteger(id);
}

function isErrorObject(e: unknown): boolean {
  if (e === null || typeof e !== "object") return false;
  const err = e as Record<string, unknown>;
  return typeof err.code === "number" && Number.isInteger(err.code) && typeof err.message === "string";
}

function invalid(): PolicyError {
  return new PolicyError("ERR_PROTOCOL_INVALID", { jsonRpcCode: JSONRPC.INVALID_REQUEST });
}

/** The id of a parsed-but-refused message when it can be recovered, so the client gets an answer it can match. */
export function recoverId(text: string): string | number | null {
  try {
    const v = JSON.parse(text) as { id?: unknown };
    return v && typeof v === "object" && isValidId(v.id) ? v.id : null;
  } catch {
    return null;
  }
}
