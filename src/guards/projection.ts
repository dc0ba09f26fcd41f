// Field projection for `tools.<key>.response.fields`: dotted paths (`id`, `user.email`) kept, everything else
// dropped; arrays are transparent (a path applies to each element). Data minimisation, GDPR Art. 5(1)(c); CWE-213.
import { JSONRPC, PolicyError } from "../errors.ts";

/** A compiled field list: key → whole value (true) or a nested tree. */
export type FieldTree = Map<string, FieldTree | true>;

/** Nesting bound while projecting (arrays inside arrays do not advance the field path). */
const MAX_DEPTH = 64;

const compiled = new WeakMap<readonly string[], FieldTree>();

/** Compiles `fields` once per policy array. "user" and "user.email" together keep the whole `user`. */
export function fieldTree(fields: readonly string[]): FieldTree {
  const hit = compiled.get(fields);
  if (hit) return hit;
  const root: FieldTree = new Map();
  for (const field of fields) {
    const parts = field.split(".");
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const existing = node.get(part);
      if (existing === true) break;
      if (i === parts.length - 1) node.set(part, true);
      else if (existing) node = existing;
      else {
        const child: FieldTree = new Map();
        node.set(part, child);
        node = child;
      }
    }
  }
  compiled.set(fields, root);
  return root;
}

export interface Projected {
  value: unknown;
  /** False when the value already had only the listed fields: the message need not change. */
  dropped: boolean;
}

function tooDeep(): PolicyError {
  return new PolicyError("ERR_POLICY_TOO_DEEP", { jsonRpcCode: JSONRPC.SERVER_ERROR });
}

/** Keeps only the fields of `tree` in `value` (objects, and objects inside arrays at any level). */
export function projectValue(value: unknown, tree: FieldTree, depth = 0): Projected {
  if (depth > MAX_DEPTH) throw tooDeep();
  if (Array.isArray(value)) {
    let dropped = false;
    const out: unknown[] = [];
    for (const item of value) {
      if (typeof item !== "object" || item === null) {
        dropped = true; // a scalar where a listed field was expected is not a listed field
        continue;
      }
      const p = projectValue(item, tree, depth + 1);
      dropped ||= p.dropped;
      out.push(p.value);
    }
    return { value: out, dropped };
  }
  if (typeof value !== "object" || value === null) return { value: undefined, dropped: true };
  return projectObject(value as Record<string, unknown>, tree, depth);
}

function projectObject(obj: Record<string, unknown>, tree: FieldTree, depth: number): Projected {
  let dropped = false;
  const entries: [string, unknown][] = [];
  for (const [key, child] of Object.entries(obj)) {
    const sub = tree.get(key);
    if (sub === undefined) {
      dropped = true;
      continue;
    }
    if (sub === true) {
      entries.push([key, child]);
      continue;
    }
    const p = projectValue(child, sub, depth + 1);
    dropped ||= p.dropped;
    if (p.value !== undefined) entries.push([key, p.value]);
  }
  // fromEntries defines own data properties: a "__proto__" key cannot reach the prototype (CWE-1321).
  return { value: Object.fromEntries(entries), dropped };
}

/** True for what projection can apply to: an object, or an array whose items are all objects. */
export function isProjectable(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v));
  return typeof value === "object" && value !== null;
}

/**
 * Projects a JSON Schema the same way (properties, required, items, *Of), so a client that validates
 * `structuredContent` against the listed `outputSchema` accepts the projected result (MCP "Tools" › Output Schema).
 */
export function projectSchema(schema: unknown, tree: FieldTree, depth = 0): Projected {
  if (depth > MAX_DEPTH) throw tooDeep();
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return { value: schema, dropped: false };
  const out: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  let dropped = false;
  if (typeof out.items === "object" && out.items !== null) {
    const p = projectSchema(out.items, tree, depth + 1);
    dropped ||= p.dropped;
    out.items = p.value;
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = out[key];
    if (!Array.isArray(list)) continue;
    const ps = list.map((s) => projectSchema(s, tree, depth + 1));
    dropped ||= ps.some((p) => p.dropped);
    out[key] = ps.map((p) => p.value);
  }
  if (typeof out.properties === "object" && out.properties !== null) dropped ||= projectProperties(out, tree, depth);
  return { value: out, dropped };
}

function projectProperties(out: Record<string, unknown>, tree: FieldTree, depth: number): boolean {
  const props = out.properties as Record<string, unknown>;
  let dropped = false;
  const entries: [string, unknown][] = [];
  for (const [key, sub] of Object.entries(props)) {
    const node = tree.get(key);
    if (node === undefined) {
      dropped = true;
      continue;
    }
    const p = node === true ? { value: sub, dropped: false } : projectSchema(sub, node, depth + 1);
    dropped ||= p.dropped;
    entries.push([key, p.value]);
  }
  out.properties = Object.fromEntries(entries);
  if (Array.isArray(out.required)) out.required = out.required.filter((k) => typeof k === "string" && tree.has(k));
  return dropped;
}
