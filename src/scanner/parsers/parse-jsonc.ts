// JSON with comments and trailing commas (VS Code/Cursor/Zed settings are JSONC) into a CNode tree with offsets.
import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { CNode } from "./node.ts";
import type { ParseOutcome } from "./parse-config.ts";

const MAX_DEPTH = 64;

export function parseJsonc(text: string): ParseOutcome {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const root = tree ? convert(tree, 0) : undefined;
  const first = errors[0];
  if (!first) return { root };
  return { root, error: { offset: first.offset, message: `invalid JSON: ${printParseErrorCode(first.error)}` } };
}

function convert(node: Node, depth: number): CNode {
  const base = { offset: node.offset, length: node.length };
  if (depth > MAX_DEPTH) return { type: "null", ...base, value: null };
  if (node.type === "object") {
    const props = new Map<string, CNode>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || typeof key.value !== "string" || !value) continue;
      props.set(key.value, { ...convert(value, depth + 1), keyOffset: key.offset });
    }
    return { type: "object", ...base, props };
  }
  if (node.type === "array") {
    return { type: "array", ...base, items: (node.children ?? []).map((c) => convert(c, depth + 1)) };
  }
  if (node.type === "string" || node.type === "number" || node.type === "boolean" || node.type === "null") {
    return { type: node.type, ...base, value: node.value as string | number | boolean | null };
  }
  return { type: "null", ...base, value: null };
}
