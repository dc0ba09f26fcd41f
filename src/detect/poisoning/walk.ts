// Walks a tool definition: strips invisible Unicode and escapes from every string, runs the text rules on the
// human-readable strings, and returns a sanitised deep copy. Depth and size are bounded (untrusted input).
import { ANSI_RULE, hasAnsi, stripAnsi } from "./ansi.ts";
import { hasInvisibleUnicode, INVISIBLE_UNICODE_RULE, stripInvisibleUnicode } from "./invisible-unicode.ts";
import type { PoisoningFinding, TextRule } from "./types.ts";

export const OVERSIZED_RULE = "oversized-definition";
const MAX_DEPTH = 32;
const MAX_NODES = 20_000;
const MAX_TEXT = 65_536;

/** Keys whose string values are identifiers or machine syntax, not prose a model reads as guidance. */
const MACHINE_KEYS = new Set([
  "$schema",
  "$id",
  "$ref",
  "$anchor",
  "$dynamicRef",
  "type",
  "format",
  "pattern",
  "required",
  "contentMediaType",
  "contentEncoding",
]);
/** Top-level members that carry data, not guidance: icon URIs (often base64 data URIs) and protocol metadata. */
const DATA_MEMBERS = new Set(["icons", "_meta"]);

/** A machine-syntax member: a key above with a string (or list of strings) value — a property that happens to be
 * named "type" or "format" holds a schema object and is still inspected. */
function isMachineMember(key: string, value: unknown, depth: number): boolean {
  if (depth === 0 && DATA_MEMBERS.has(key)) return true;
  if (!MACHINE_KEYS.has(key)) return false;
  return typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
}

interface State {
  readonly rules: readonly TextRule[];
  readonly findings: PoisoningFinding[];
  readonly seen: Set<string>;
  nodes: number;
}

/** Lower case, NFKC (folds full-width and compatibility forms), typographic apostrophes, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, " ");
}

function add(state: State, rule: string, path: string, message: string): void {
  const key = `${rule}\u0000${path}`;
  if (state.seen.has(key)) return;
  state.seen.add(key);
  state.findings.push({ rule, path, message });
}

/** Reports invisible characters and escapes in `text`; returns it with both removed. */
export function cleanString(text: string, path: string, state: State): string {
  let out = text;
  if (hasInvisibleUnicode(out)) {
    add(state, INVISIBLE_UNICODE_RULE, path, "contains invisible Unicode characters");
    out = stripInvisibleUnicode(out);
  }
  if (hasAnsi(out)) {
    add(state, ANSI_RULE, path, "contains ANSI escape sequences or control characters");
    out = stripAnsi(out);
  }
  return out;
}

function inspectText(text: string, path: string, state: State): void {
  if (text.length > MAX_TEXT) add(state, OVERSIZED_RULE, path, "text is longer than 64 KiB");
  const raw = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const norm = normalizeText(raw);
  for (const rule of state.rules) if (rule.test(raw, norm)) add(state, rule.id, path, rule.message);
}

/** Sanitised deep copy of `value`; `inspect` says whether strings below are prose to run the text rules on. */
export function walk(value: unknown, path: string, inspect: boolean, depth: number, state: State): unknown {
  if (++state.nodes > MAX_NODES || depth > MAX_DEPTH) {
    add(state, OVERSIZED_RULE, path || "(root)", "definition is nested too deeply or too large to inspect");
    return value;
  }
  if (typeof value === "string") {
    const clean = cleanString(value, path, state);
    if (inspect) inspectText(clean, path, state);
    return clean;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, inspect, depth + 1, state));
  if (typeof value !== "object" || value === null) return value;
  const entries: [string, unknown][] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    // Property names are identity (the client sends them back as argument names): report, never rewrite.
    if (hasInvisibleUnicode(key))
      add(state, INVISIBLE_UNICODE_RULE, childPath, "property name contains invisible Unicode");
    if (hasAnsi(key)) add(state, ANSI_RULE, childPath, "property name contains escape sequences");
    entries.push([key, walk(child, childPath, inspect && !isMachineMember(key, child, depth), depth + 1, state)]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays data (CWE-1321).
  return Object.fromEntries(entries);
}

export function newState(rules: readonly TextRule[]): State {
  return { rules, findings: [], seen: new Set(), nodes: 0 };
}
