// TOML (Codex config.toml) into a CNode tree. smol-toml gives values only, so key offsets come from tomlKeyOffsets.
import { parse, TomlError } from "smol-toml";
import type { CNode } from "./node.ts";
import type { ParseOutcome } from "./parse-config.ts";
import { tomlKeyOffsets } from "./toml-key-offsets.ts";

const MAX_DEPTH = 64;

export function parseToml(text: string): ParseOutcome {
  let data: unknown;
  try {
    data = parse(text, { maxDepth: MAX_DEPTH });
  } catch (err) {
    const line = err instanceof TomlError ? err.line : 1;
    return { root: undefined, error: { offset: offsetOfLine(text, line), message: "invalid TOML" } };
  }
  const offsets = tomlKeyOffsets(text);
  return { root: convert(data, [], offsets, text, 0) };
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset;
}

function locate(path: string[], offsets: Map<string, number>, text: string): number {
  for (let n = path.length; n > 0; n--) {
    const found = offsets.get(path.slice(0, n).join("\u0000"));
    if (found === undefined) continue;
    if (n === path.length) return found;
    // Inline-table member: the first occurrence of the key after its parent's key.
    const key = path[path.length - 1] ?? "";
    const at = text.indexOf(key, found);
    return at >= 0 ? at : found;
  }
  return 0;
}

function convert(value: unknown, path: string[], offsets: Map<string, number>, text: string, depth: number): CNode {
  const offset = locate(path, offsets, text);
  const base = { offset, length: 0, keyOffset: offset };
  if (depth > MAX_DEPTH) return { type: "null", ...base, value: null };
  if (Array.isArray(value)) {
    return { type: "array", ...base, items: value.map((v) => convert(v, path, offsets, text, depth + 1)) };
  }
  if (value instanceof Date) return { type: "string", ...base, value: value.toISOString() };
  if (value && typeof value === "object") {
    const props = new Map<string, CNode>();
    for (const [k, v] of Object.entries(value)) props.set(k, convert(v, [...path, k], offsets, text, depth + 1));
    return { type: "object", ...base, props };
  }
  if (typeof value === "string") return { type: "string", ...base, value };
  if (typeof value === "number" || typeof value === "bigint") return { type: "number", ...base, value: Number(value) };
  if (typeof value === "boolean") return { type: "boolean", ...base, value };
  return { type: "null", ...base, value: null };
}
