// Maps between positions in a parsed YAML document and key paths, so every policy error can name its line and key.
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type KeyPath = readonly (string | number)[];

/** Dotted form used in messages: `tools.staging-db/run_sql.allow`, array items as `rate_limits[1].limit`. */
export function dottedPath(path: KeyPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

function deref(doc: Document, node: unknown): unknown {
  // An alias is followed once: `resolve` returns the anchored node (aliases of aliases are not allowed by YAML).
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" || typeof key === "number" ? String(key) : undefined;
}

interface Found {
  keyNode: Node | undefined;
  valueNode: Node | undefined;
}

/** Walks `path` as far as the document allows; returns the deepest nodes reached. */
function walk(doc: Document, path: KeyPath): { found: Found; depth: number } {
  let found: Found = { keyNode: undefined, valueNode: (doc.contents as Node | null) ?? undefined };
  let depth = 0;
  for (const seg of path) {
    const node = deref(doc, found.valueNode);
    let next: Found | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (pair) next = { keyNode: pair.key as Node, valueNode: (pair.value as Node | null) ?? undefined };
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (item) next = { keyNode: item, valueNode: item };
    }
    if (!next) break;
    found = next;
    depth += 1;
  }
  return { found, depth };
}

function lineOfNode(node: Node | undefined, lc: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lc.linePos(start).line;
}

/**
 * The line of `path`: of its key when `at` is "key" (unknown keys, missing values), else of its value.
 * A path the document does not contain (a missing required key) falls back to its deepest existing parent.
 */
export function lineOf(doc: Document, lc: LineCounter, path: KeyPath, at: "key" | "value" = "value"): number {
  const { found, depth } = walk(doc, path);
  const exact = depth === path.length;
  const node = exact && at === "value" ? (found.valueNode ?? found.keyNode) : (found.keyNode ?? found.valueNode);
  return lineOfNode(node, lc) ?? 1;
}

/** The key path of the innermost map entry or sequence item whose range contains `offset` (for YAML errors). */
export function pathAtOffset(doc: Document, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (let guard = 0; guard < 256; guard += 1) {
    node = deref(doc, node);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && containsOffset(p.key, p.value, offset));
      if (pair) {
        path.push(keyText(pair.key) ?? "?");
        next = pair.value;
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => containsOffset(item, item, offset));
      if (index >= 0) {
        path.push(index);
        next = node.items[index];
      }
    }
    if (next === undefined) break;
    node = next;
  }
  return path;
}

function containsOffset(from: unknown, to: unknown, offset: number): boolean {
  const a = (from as Node | null)?.range?.[0];
  const b = ((to as Node | null)?.range ?? (from as Node | null)?.range)?.[2];
  return a !== undefined && b !== undefined && offset >= a && offset <= b;
}
