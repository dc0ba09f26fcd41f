// Turns a ToolDefinition into what the server serves: the strict zod schema, its JSON Schema and MCP annotations.
import { z } from "zod";
import type { Tool } from "../mcp/sdk.ts";
import type { ToolDefinition } from "./define-tool.ts";
import { strictInput } from "./strict-input.ts";

export interface CompiledTool {
  readonly definition: ToolDefinition;
  readonly schema: z.ZodType<Record<string, unknown>>;
  /** True when the schema carries the `confirm` parameter (param mode, or the param fallback). */
  readonly acceptsConfirmParam: boolean;
  readonly listing: Tool;
}

const CONFIRM_PARAM = z
  .boolean()
  .optional()
  .describe("Set to true only after the user has explicitly approved this exact call.");

export function compileTool(definition: ToolDefinition, paramFallback: boolean): CompiledTool {
  const acceptsConfirmParam =
    definition.confirm === "param" || (definition.confirm === "elicit" && paramFallback === true);
  const shape = acceptsConfirmParam ? { ...definition.input, confirm: CONFIRM_PARAM } : definition.input;
  const schema = strictInput(shape, definition.maxStringLength);
  const inputSchema = z.toJSONSchema(schema, { io: "input" }) as Tool["inputSchema"];
  const readOnly = definition.readOnly === true;
  const listing: Tool = {
    name: definition.name,
    ...(definition.title === undefined ? {} : { title: definition.title }),
    description: definition.description,
    inputSchema,
    annotations: { readOnlyHint: readOnly, destructiveHint: !readOnly, openWorldHint: false },
  };
  return { definition, schema: schema as z.ZodType<Record<string, unknown>>, acceptsConfirmParam, listing };
}
