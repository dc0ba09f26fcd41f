// The position-carrying tree every config parser produces (JSONC, TOML, YAML), and helpers over it.
export type CNodeType = "object" | "array" | "string" | "number" | "boolean" | "null";

export interface CNode {
  type: CNodeType;
  /** Offset of the value (or, for TOML, of its key) in the file text. */
  offset: number;
  length: number;
  value?: string | number | boolean | null;
  /** Object members, in file order. */
  props?: Map<string, CNode>;
  items?: CNode[];
  /** Offset of the member's key, when known (points findings at the key). */
  keyOffset?: number;
}

export function child(node: CNode | undefined, key: string | number): CNode | undefined {
  if (!node) return undefined;
  if (typeof key === "number") return node.items?.[key];
  return node.props?.get(key);
}

export function at(node: CNode | undefined, path: readonly (string | number)[]): CNode | undefined {
  let cur = node;
  for (const key of path) cur = child(cur, key);
  return cur;
}

export function str(node: CNode | undefined): string | undefined {
  return node?.type === "string" && typeof node.value === "string" ? node.value : undefined;
}

export function bool(node: CNode | undefined): boolean | undefined {
  return node?.type === "boolean" && typeof node.value === "boolean" ? node.value : undefined;
}

/** Dotted location of the output contract: `mcpServers.github.env.GITHUB_TOKEN`, `args[3]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Plain JS value of a node (for policy matching and summaries). */
export function plain(node: CNode | undefined): unknown {
  if (!node) return undefined;
  if (node.type === "object") return Object.fromEntries([...(node.props ?? [])].map(([k, v]) => [k, plain(v)]));
  if (node.type === "array") return (node.items ?? []).map(plain);
  return node.value;
}
