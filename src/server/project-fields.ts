// Field projection: return only the fields a tool's policy names (minimal responses, CWE-359 privacy exposure).

/** Keeps only `fields` (dotted paths such as "orders.id"); arrays are traversed element by element. */
export function projectFields(data: unknown, fields: readonly string[]): unknown {
  const tree = toTree(fields);
  return pick(data, tree);
}

type FieldTree = Map<string, FieldTree | true>;

function toTree(fields: readonly string[]): FieldTree {
  const root: FieldTree = new Map();
  for (const field of fields) {
    let node = root;
    const parts = field.split(".");
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node.set(part, true);
        return;
      }
      const next = node.get(part);
      if (next === true) return;
      const child: FieldTree = next ?? new Map();
      node.set(part, child);
      node = child;
    });
  }
  return root;
}

function pick(data: unknown, tree: FieldTree): unknown {
  if (Array.isArray(data)) return data.map((item) => pick(item, tree));
  if (data === null || typeof data !== "object") return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    if (!Object.hasOwn(data, key)) continue;
    const value = (data as Record<string, unknown>)[key];
    out[key] = sub === true ? value : pick(value, sub);
  }
  return out;
}
