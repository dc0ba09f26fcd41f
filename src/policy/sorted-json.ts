// Pretty JSON with object keys sorted (UTF-16 code units, like canonicalJson), 2-space indent and a trailing newline.
// JSON.stringify cannot sort: integer-like keys ("10", "2") always come first in insertion-independent order, so a
// reviewed file would not read in sorted order. Used for warden.lock, which must be byte-identical across runs.

export function sortedJson(value: unknown): string {
  return `${render(value, "")}\n`;
}

function render(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => `${inner}${render(v, inner)}`);
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  if (keys.length === 0) return "{}";
  const entries = keys.map((k) => `${inner}${JSON.stringify(k)}: ${render(record[k], inner)}`);
  return `{\n${entries.join(",\n")}\n${indent}}`;
}
