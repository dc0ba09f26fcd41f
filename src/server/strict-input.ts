// Builds a tool's input schema: strict objects (unknown keys rejected) and a maximum length on every string
// that has none (CWE-20 improper input validation, CWE-400 unbounded input).
import { z } from "zod";

/** Default maximum length of a string argument that declares none. */
export const DEFAULT_MAX_STRING_LENGTH = 4096;

export type InputShape = Record<string, z.ZodType>;

/** A strict object schema over `shape`; nested objects become strict and unbounded strings get `maxStringLength`. */
export function strictInput<S extends InputShape>(
  shape: S,
  maxStringLength = DEFAULT_MAX_STRING_LENGTH,
): z.ZodObject<S, z.core.$strict> {
  const bounded: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) bounded[key] = bound(schema, maxStringLength);
  // The bounded schemas have the same input and output types as the originals, only tighter checks.
  return z.strictObject(bounded) as unknown as z.ZodObject<S, z.core.$strict>;
}

function bound(schema: z.ZodType, max: number): z.ZodType {
  const out = rebuild(schema, max);
  // Rebuilt wrappers are new instances: carry the author's description over so tools/list still shows it.
  return out !== schema && schema.description && !out.description ? out.describe(schema.description) : out;
}

function rebuild(schema: z.ZodType, max: number): z.ZodType {
  if (schema instanceof z.ZodString) return schema.maxLength === null ? schema.max(max) : schema;
  // Formats (email, url, uuid …) are strings too; their own patterns should only ever see bounded input (CWE-1333).
  if (schema instanceof z.ZodStringFormat) return schema.maxLength === null ? schema.max(max) : schema;
  if (schema instanceof z.ZodRecord) {
    return z.record(schema.keyType as z.ZodString, bound(schema.valueType as z.ZodType, max));
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = schema.options.map((o) => bound(o as z.ZodType, max)) as z.ZodObject[];
    return z.discriminatedUnion(schema.def.discriminator, options as [z.ZodObject, ...z.ZodObject[]]);
  }
  if (schema instanceof z.ZodUnion) {
    return z.union(schema.options.map((o) => bound(o as z.ZodType, max)) as [z.ZodType, ...z.ZodType[]]);
  }
  if (schema instanceof z.ZodOptional) return bound(schema.unwrap() as z.ZodType, max).optional();
  if (schema instanceof z.ZodNullable) return bound(schema.unwrap() as z.ZodType, max).nullable();
  if (schema instanceof z.ZodDefault) {
    return bound(schema.unwrap() as z.ZodType, max).default(schema.def.defaultValue as never);
  }
  if (schema instanceof z.ZodArray) {
    const element = bound(schema.element as z.ZodType, max);
    // Keep the author's own array checks (min/max items) on the rebuilt array.
    const checks = (schema.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[];
    return checks.length > 0 ? z.array(element).check(...checks) : z.array(element);
  }
  if (schema instanceof z.ZodObject) {
    return strictInput(schema.shape as InputShape, max);
  }
  return schema;
}

/** Counts array items and object members, stopping past `limit`; bounds the work done on hostile input. */
export function countElements(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const children = Array.isArray(node) ? node : Object.values(node);
    count += children.length;
    for (const child of children) if (child !== null && typeof child === "object") stack.push(child);
  }
  return count;
}
