// Finds MCP server entries in a parsed config and normalises them across clients' shapes
// (command string/array/object, cmd, env/environment/envs, headers/http_headers, url/serverUrl/httpUrl/uri).
import type { ClientSpec } from "./discovery/client-spec.ts";
import { type CNode, child, str } from "./parsers/node.ts";
import type { Field, ServerEntry } from "./types.ts";

type Path = readonly (string | number)[];

/** Containers of other clients: files written for one client are often used by another. */
const FALLBACK_CONTAINERS = [["mcpServers"], ["servers"], ["mcp", "servers"], ["context_servers"], ["mcp_servers"]];
const URL_KEYS = ["url", "serverUrl", "httpUrl", "uri", "endpoint"];
const ENV_KEYS = ["env", "environment", "envs"];
const HEADER_KEYS = ["headers", "http_headers"];

export function extractServers(root: CNode | undefined, spec: ClientSpec): ServerEntry[] {
  if (!root) return [];
  const own = spec.containers.flatMap((c) => expand(root, c, []));
  const containers = own.length > 0 ? own : FALLBACK_CONTAINERS.flatMap((c) => expand(root, c, []));
  if (containers.length === 0 && looksLikeServerMap(root)) containers.push({ node: root, path: [] });
  return containers.flatMap(({ node, path }) => entriesOf(node, path));
}

function expand(node: CNode, pattern: string[], path: Path): { node: CNode; path: Path }[] {
  const [head, ...rest] = pattern;
  if (head === undefined) return [{ node, path }];
  if (head === "*") {
    return [...(node.props ?? [])].flatMap(([k, v]) => expand(v, rest, [...path, k]));
  }
  const next = child(node, head);
  return next && (next.type === "object" || next.type === "array") ? expand(next, rest, [...path, head]) : [];
}

function looksLikeServerMap(root: CNode): boolean {
  const values = [...(root.props ?? []).values()];
  return values.length > 0 && values.every((v) => v.type === "object" && (v.props?.has("command") || hasUrl(v)));
}

function hasUrl(node: CNode): boolean {
  return URL_KEYS.some((k) => node.props?.has(k));
}

function entriesOf(container: CNode, path: Path): ServerEntry[] {
  if (container.type === "array") {
    return (container.items ?? []).flatMap((item, i) =>
      item.type === "object" ? [entry(str(child(item, "name")) ?? `#${i}`, item, [...path, i])] : [],
    );
  }
  return [...(container.props ?? [])].flatMap(([name, node]) =>
    node.type === "object" ? [entry(name, node, [...path, name])] : [],
  );
}

function entry(name: string, node: CNode, path: Path): ServerEntry {
  const out: ServerEntry = { name, path, node, args: [], env: [], headers: [] };
  const command = child(node, "command") ?? child(node, "cmd");
  const commandKey = node.props?.has("command") ? "command" : "cmd";
  if (command?.type === "string") out.command = field(commandKey, command, [...path, commandKey]);
  else if (command?.type === "array") {
    const [first, ...rest] = strings(command, [...path, commandKey]);
    if (first) out.command = first;
    out.args.push(...rest);
  } else if (command?.type === "object") {
    // Zed's older shape: command: { path, args, env }.
    const p = child(command, "path");
    if (p?.type === "string") out.command = field("path", p, [...path, commandKey, "path"]);
    out.args.push(...strings(child(command, "args"), [...path, commandKey, "args"]));
    out.env.push(...members(child(command, "env"), [...path, commandKey, "env"]));
  }
  out.args.push(...strings(child(node, "args"), [...path, "args"]));
  for (const k of ENV_KEYS) out.env.push(...members(child(node, k), [...path, k]));
  for (const k of HEADER_KEYS) out.headers.push(...members(child(node, k), [...path, k]));
  for (const k of URL_KEYS) {
    const u = child(node, k);
    if (u?.type === "string" && !out.url) out.url = field(k, u, [...path, k]);
  }
  return out;
}

function field(key: string, node: CNode, path: Path): Field {
  return { key, value: str(node) ?? String(node.value ?? ""), node, path };
}

function strings(node: CNode | undefined, path: Path): Field[] {
  if (node?.type !== "array") return [];
  return (node.items ?? []).flatMap((item, i) =>
    item.type === "string" || item.type === "number" ? [field(String(i), item, [...path, i])] : [],
  );
}

function members(node: CNode | undefined, path: Path): Field[] {
  if (node?.type !== "object") return [];
  return [...(node.props ?? [])].flatMap(([k, v]) =>
    v.type === "string" || v.type === "number" ? [field(k, v, [...path, k])] : [],
  );
}
