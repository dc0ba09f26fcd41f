// YAML (Continue, Goose) into a CNode tree with offsets; alias expansion is bounded (billion-laughs, CWE-776).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { CNode } from "./node.ts";
import type { ParseOutcome } from "./parse-config.ts";

const MAX_DEPTH = 64;

export function parseYaml(text: string): ParseOutcome {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const root = convert(doc.contents, 0);
  const first = doc.errors[0];
  if (!first) return { root };
  return { root, error: { offset: first.pos[0], message: `invalid YAML: ${first.code}` } };
}

function convert(node: unknown, depth: number): CNode | undefined {
  if (depth > MAX_DEPTH || node === null || node === undefined || isAlias(node)) return undefined;
  const range = (node as { range?: [number, number, number] }).range ?? [0, 0, 0];
  const base = { offset: range[0], length: range[1] - range[0] };
  if (isMap(node)) {
    const props = new Map<string, CNode>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const value = convert(pair.value, depth + 1) ?? { type: "null" as const, ...base, value: null };
      props.set(String(pair.key.value), { ...value, keyOffset: pair.key.range?.[0] ?? base.offset });
    }
    return { type: "object", ...base, props };
  }
  if (isSeq(node)) {
    const items = node.items.map((i) => convert(i, depth + 1) ?? { type: "null" as const, ...base, value: null });
    return { type: "array", ...base, items };
  }
  if (isScalar(node)) return scalar(node.value, base);
  return undefined;
}

function scalar(value: unknown, base: { offset: number; length: number }): CNode {
  if (typeof value === "string") return { type: "string", ...base, value };
  if (typeof value === "number") return { type: "number", ...base, value };
  if (typeof value === "boolean") return { type: "boolean", ...base, value };
  if (value === null) return { type: "null", ...base, value: null };
  return { type: "string", ...base, value: String(value) };
}
