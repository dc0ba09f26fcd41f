// What differs between warden.lock and what an upstream offers now: server identity, added, removed and changed
// tools with the changed fields. Formatted for `mcp-warden pin --diff`, a CI gate (DESIGN.md "Tool pins").
import { canonicalJson } from "../audit/canonical.ts";
import type { ToolDefinition } from "../guards/types.ts";
import { lineDiff } from "./line-diff.ts";
import { type Lockfile, lockedUpstream, type ServerIdentity, type ToolListing } from "./lockfile.ts";
import { sortedJson } from "./sorted-json.ts";
import { HASHED_FIELDS, type HashedField, hashedDefinition, type PinnedDefinition, toolHash } from "./tool-hash.ts";

export interface FieldChange {
  field: HashedField;
  before: unknown;
  after: unknown;
}

export interface ToolChange {
  tool: string;
  before: string;
  after: string;
  fields: FieldChange[];
}

export interface LockDiff {
  upstream: string;
  /** Set when the server's name or version differs from the lock (or the upstream is not in the lock). */
  server: { before: ServerIdentity | undefined; after: ServerIdentity } | undefined;
  added: { tool: string; sha256: string }[];
  removed: { tool: string; sha256: string }[];
  changed: ToolChange[];
}

const CONTEXT_LINES = 3;

export function diffLock(lock: Lockfile, upstream: string, listing: ToolListing): LockDiff {
  const locked = lockedUpstream(lock, upstream);
  const lockedTools = locked?.tools ?? {};
  const diff: LockDiff = { upstream, server: undefined, added: [], removed: [], changed: [] };
  const before = locked?.server;
  if (before?.name !== listing.server.name || before.version !== listing.server.version) {
    diff.server = { before, after: listing.server };
  }
  const live = new Map(listing.tools.map((def) => [def.name, def]));
  for (const [name, def] of [...live].sort(([a], [b]) => compare(a, b))) {
    const sha256 = toolHash(def);
    const old = Object.hasOwn(lockedTools, name) ? lockedTools[name] : undefined;
    if (!old) diff.added.push({ tool: name, sha256 });
    else if (old.sha256 !== sha256) {
      diff.changed.push({ tool: name, before: old.sha256, after: sha256, fields: fieldChanges(old.definition, def) });
    }
  }
  for (const name of Object.keys(lockedTools).sort(compare)) {
    if (!live.has(name)) diff.removed.push({ tool: name, sha256: lockedTools[name]?.sha256 ?? "" });
  }
  return diff;
}

export function hasDifferences(diff: LockDiff): boolean {
  return diff.server !== undefined || diff.added.length + diff.removed.length + diff.changed.length > 0;
}

/** Human-readable report; tool names are quoted with non-ASCII escaped so a confusable name stands out. */
export function formatLockDiff(diff: LockDiff): string {
  const out: string[] = [];
  if (!hasDifferences(diff)) return `upstream ${diff.upstream}: matches the lock\n`;
  out.push(`upstream ${diff.upstream}:`);
  if (diff.server) {
    const was = diff.server.before ? identity(diff.server.before) : "(not in the lock)";
    out.push(`  ! server changed: ${was} -> ${identity(diff.server.after)}`);
  }
  for (const a of diff.added) out.push(`  + added tool ${visibleName(a.tool)} ${a.sha256}`);
  for (const r of diff.removed) out.push(`  - removed tool ${visibleName(r.tool)} ${r.sha256}`);
  for (const c of diff.changed) {
    out.push(`  ~ changed tool ${visibleName(c.tool)} ${c.before} -> ${c.after}`);
    for (const f of c.fields) {
      out.push(`      ${f.field}:`);
      for (const line of contextDiff(render(f.before), render(f.after))) out.push(`        ${line}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** Quotes a name as JSON and escapes everything outside printable ASCII (Cyrillic "е", trailing spaces stay visible). */
export function visibleName(name: string): string {
  return JSON.stringify(name).replace(/[^\x20-\x7e]/gu, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

function fieldChanges(before: PinnedDefinition, after: ToolDefinition): FieldChange[] {
  const now = hashedDefinition(after);
  const changes: FieldChange[] = [];
  for (const field of HASHED_FIELDS) {
    const a = before[field];
    const b = now[field];
    if (canonicalJson(a) !== canonicalJson(b) || (a === undefined) !== (b === undefined)) {
      changes.push({ field, before: a, after: b });
    }
  }
  return changes;
}

function render(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (typeof value === "string") return value;
  return sortedJson(value).trimEnd();
}

/** Unified-diff style: changed lines with up to CONTEXT_LINES unchanged lines around them, `…` for the rest. */
function contextDiff(before: string, after: string): string[] {
  const lines = lineDiff(before, after);
  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.op === " ") return;
    for (let k = Math.max(0, i - CONTEXT_LINES); k <= Math.min(lines.length - 1, i + CONTEXT_LINES); k++)
      keep[k] = true;
  });
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) out.push(`${line.op} ${line.text}`);
    else if (i === 0 || keep[i - 1]) out.push("  …");
  });
  return out;
}

function identity(s: ServerIdentity): string {
  return `${visibleName(s.name)} ${visibleName(s.version)}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
