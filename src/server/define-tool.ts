// defineTool(): one tool = one action, a strict input schema, declared scopes, read/write nature and response shape.
import type { z } from "zod";
import type { AuthInfo } from "../mcp/sdk.ts";
import type { InputShape } from "./strict-input.ts";

/** How a call is confirmed by a human. "elicit": MCP elicitation (form mode); "param": the weaker `confirm: true`. */
export type ToolConfirmMode = "elicit" | "param" | "never";

export interface ToolResponseOptions {
  /** Keep only these fields (dotted paths; arrays are traversed) — minimal responses. */
  fields?: readonly string[];
  /** Cap on the serialized result; larger results are truncated head+tail with a notice. */
  maxBytes?: number;
  /** Mask secrets and PII in string values (default true). */
  redact?: boolean;
}

export interface ToolCallContext {
  /** The caller's validated token, when the transport carries one (HTTP); undefined over stdio. */
  readonly authInfo: AuthInfo | undefined;
  /** Scopes the caller holds (from authInfo, or the server's localScopes over stdio). */
  readonly scopes: readonly string[];
  readonly signal: AbortSignal;
}

export interface ToolDefinition<S extends InputShape = InputShape> {
  readonly name: string;
  readonly title?: string;
  readonly description: string;
  /** zod raw shape; the toolkit makes it strict and bounds strings. */
  readonly input: S;
  /** Every listed scope is required. */
  readonly scopes?: readonly string[];
  /** Read-only tools skip confirmation. Default false: a tool is a write until declared otherwise. */
  readonly readOnly?: boolean;
  /** Default: "never" for read-only tools, "elicit" otherwise. */
  readonly confirm?: ToolConfirmMode;
  readonly response?: ToolResponseOptions;
  /** Maximum length for strings that declare none (default DEFAULT_MAX_STRING_LENGTH). */
  readonly maxStringLength?: number;
  /** Returns JSON-serialisable data; the toolkit projects, redacts, caps and wraps it. */
  readonly handler: (args: z.output<z.ZodObject<S>>, ctx: ToolCallContext) => unknown;
}

// Argument names that signal several actions behind one tool ("one action per tool": an agent must not be able
// to turn a read tool into a write by changing one argument, CWE-250 / the guide's over-privileged tool threat).
const MULTI_ACTION_KEYS = new Set(["action", "actions", "operation", "op", "command", "cmd", "method", "verb", "sql"]);
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** A tool definition of any input shape (lists of tools mix shapes; handlers keep their own argument types). */
// biome-ignore lint/suspicious/noExplicitAny: the handler's argument type varies per tool; `any` avoids contravariance.
export type AnyToolDefinition = ToolDefinition<any>;

/** Declares a tool; throws a TypeError at definition time for a definition the toolkit would not serve safely. */
export function defineTool<S extends InputShape>(definition: ToolDefinition<S>): ToolDefinition<S> {
  if (!TOOL_NAME.test(definition.name)) throw new TypeError(`tool name ${JSON.stringify(definition.name)} is invalid`);
  for (const key of Object.keys(definition.input)) {
    if (MULTI_ACTION_KEYS.has(key.toLowerCase())) {
      throw new TypeError(`tool ${definition.name}: argument "${key}" suggests several actions; define one tool each`);
    }
    if (key === "confirm") throw new TypeError(`tool ${definition.name}: argument "confirm" is reserved`);
  }
  if (definition.readOnly === true && definition.confirm === undefined) return { ...definition, confirm: "never" };
  if (definition.readOnly !== true && definition.confirm === undefined) return { ...definition, confirm: "elicit" };
  return definition;
}
