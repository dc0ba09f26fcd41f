// Lists every key path of a zod object schema (`upstreams.*.command`, `rate_limits[].limit`) with its default,
// so docs/policy.md can be checked against src/policy/schema.ts (the contract test in docs.test.ts).
import type { z } from "zod";

export interface SchemaPath {
  path: string;
  /** JSON of the default when the key has one. */
  default?: string;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  defaultValue?: unknown;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The default of a key's schema, looking through optional/nullable wrappers. */
function defaultOf(schema: z.ZodType): string | undefined {
  const def = defOf(schema);
  if (def.type === "default" || def.type === "prefault") {
    const value = typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue;
    return JSON.stringify(value);
  }
  if ((def.type === "optional" || def.type === "nullable") && def.innerType) return defaultOf(def.innerType);
  return undefined;
}

function walk(schema: z.ZodType, prefix: string, out: Map<string, SchemaPath>): void {
  const def = defOf(schema);
  const inner = def.innerType ?? def.in;
  if (inner) {
    walk(inner, prefix, out);
  } else if (def.type === "object" && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const fallback = defaultOf(child);
      if (!out.has(path)) out.set(path, fallback === undefined ? { path } : { path, default: fallback });
      walk(child, path, out);
    }
  } else if (def.type === "record" && def.valueType) {
    walk(def.valueType, `${prefix}.*`, out);
  } else if (def.type === "array" && def.element) {
    walk(def.element, `${prefix}[]`, out);
  } else if (def.type === "union" && def.options) {
    for (const option of def.options) walk(option, prefix, out);
  }
}

/** Every key path of `schema`, in schema order. */
export function schemaPaths(schema: z.ZodType): SchemaPath[] {
  const out = new Map<string, SchemaPath>();
  walk(schema, "", out);
  return [...out.values()];
}
