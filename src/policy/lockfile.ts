// warden.lock (DESIGN.md "Tool pins"): the reviewed tool surface of each upstream, read, updated and written as stable
// sorted JSON so that re-pinning an unchanged server rewrites the file byte for byte. Layout: docs/lockfile.md.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { ConfigError, OperatorError } from "../errors.ts";
import type { ToolDefinition } from "../guards/types.ts";
import type { Policy } from "./schema.ts";
import { sortedJson } from "./sorted-json.ts";
import { hashedDefinition, type PinnedDefinition, toolHash } from "./tool-hash.ts";

export interface ServerIdentity {
  name: string;
  version: string;
}

/** One approved tool: the key `upstream/tool` of the contract is `upstreams[upstream].tools[tool]`. */
export interface LockedTool {
  sha256: string;
  definition: PinnedDefinition;
  approved_at: string;
  approved_by: string;
}

export interface LockedUpstream {
  server: ServerIdentity;
  tools: Record<string, LockedTool>;
}

export interface Lockfile {
  version: 1;
  upstreams: Record<string, LockedUpstream>;
}

/** What an upstream offers right now (initialize's serverInfo and every page of tools/list). */
export interface ToolListing {
  server: ServerIdentity;
  tools: ToolDefinition[];
}

/** A dictionary without a prototype, so a tool named "__proto__" is an ordinary key (CWE-1321). */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyLock(): Lockfile {
  return { version: 1, upstreams: dict() };
}

/** The lockfile path of the policy: `pins.lockfile`, relative to the policy file's directory. */
export function lockfilePath(policy: Policy, policyDir: string): string {
  const file = policy.pins.lockfile;
  return isAbsolute(file) ? file : resolve(policyDir, file);
}

export function lockedUpstream(lock: Lockfile, upstream: string): LockedUpstream | undefined {
  return Object.hasOwn(lock.upstreams, upstream) ? lock.upstreams[upstream] : undefined;
}

/** Exact-name lookup: no case folding or trimming, so a confusable name is simply not in the lock. */
export function lockedTool(lock: Lockfile, upstream: string, tool: string): LockedTool | undefined {
  const entry = lockedUpstream(lock, upstream);
  return entry && Object.hasOwn(entry.tools, tool) ? entry.tools[tool] : undefined;
}

/** Reads the lockfile; a missing file is an empty lock (every tool is then unpinned). */
export function readLockfile(file: string): Lockfile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return emptyLock();
    throw new ConfigError("ERR_CONFIG_INVALID", `cannot read the lockfile: ${(err as Error).message}`, { file });
  }
  return parseLockfile(text, file);
}

export function serializeLockfile(lock: Lockfile): string {
  return sortedJson(lock);
}

/** Writes through a temporary file and a rename, so a reader never sees half a lock. */
export function writeLockfile(file: string, lock: Lockfile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeLockfile(lock), { encoding: "utf8", mode: 0o644 });
  renameSync(tmp, file);
}

/**
 * The lock with `upstream` re-pinned to `listing`. A tool whose hash is unchanged keeps its original approval
 * (approved_at/approved_by), so re-pinning an unchanged server changes nothing; removed tools are dropped.
 */
export function pinUpstream(
  lock: Lockfile,
  upstream: string,
  listing: ToolListing,
  approval: { by: string; at: string },
): Lockfile {
  const tools = dict<LockedTool>();
  for (const def of listing.tools) {
    const sha256 = toolHash(def);
    if (Object.hasOwn(tools, def.name)) {
      if (tools[def.name]?.sha256 === sha256) continue;
      throw new OperatorError(
        "ERR_UPSTREAM_UNAVAILABLE",
        `upstream "${upstream}" lists the tool ${JSON.stringify(def.name)} twice with different definitions; not pinned`,
      );
    }
    const old = lockedTool(lock, upstream, def.name);
    const kept = old?.sha256 === sha256 ? old : undefined;
    tools[def.name] = {
      sha256,
      definition: hashedDefinition(def),
      approved_at: kept?.approved_at ?? approval.at,
      approved_by: kept?.approved_by ?? approval.by,
    };
  }
  const upstreams = dict<LockedUpstream>();
  for (const name of Object.keys(lock.upstreams)) upstreams[name] = lock.upstreams[name] as LockedUpstream;
  upstreams[upstream] = { server: { name: listing.server.name, version: listing.server.version }, tools };
  return { version: 1, upstreams };
}

/** Parses and checks a lockfile; every problem names the file and the key. */
export function parseLockfile(text: string, file: string): Lockfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError("ERR_CONFIG_INVALID", `the lockfile is not valid JSON: ${(err as Error).message}`, { file });
  }
  const root = expectRecord(raw, file, "(root)");
  if (root.version !== 1) throw invalid(file, "version", "must be 1");
  const upstreams = dict<LockedUpstream>();
  const rawUpstreams = expectRecord(root.upstreams ?? {}, file, "upstreams");
  for (const name of Object.keys(rawUpstreams)) {
    upstreams[name] = parseUpstream(rawUpstreams[name], file, `upstreams.${name}`);
  }
  return { version: 1, upstreams };
}

function parseUpstream(raw: unknown, file: string, key: string): LockedUpstream {
  const entry = expectRecord(raw, file, key);
  const server = expectRecord(entry.server, file, `${key}.server`);
  const tools = dict<LockedTool>();
  const rawTools = expectRecord(entry.tools ?? {}, file, `${key}.tools`);
  for (const name of Object.keys(rawTools)) tools[name] = parseTool(rawTools[name], name, file, `${key}.tools.${name}`);
  return {
    server: {
      name: expectString(server.name, file, `${key}.server.name`),
      version: expectString(server.version, file, `${key}.server.version`),
    },
    tools,
  };
}

function parseTool(raw: unknown, name: string, file: string, key: string): LockedTool {
  const entry = expectRecord(raw, file, key);
  const definition = expectRecord(entry.definition, file, `${key}.definition`);
  if (definition.name !== name) throw invalid(file, `${key}.definition.name`, "must equal the tool's key");
  const sha256 = expectString(entry.sha256, file, `${key}.sha256`);
  // A hand-edited definition whose hash was not recomputed would pin one thing and show another in review.
  if (toolHash(definition as ToolDefinition) !== sha256) {
    throw invalid(file, `${key}.sha256`, "does not match the definition (re-run mcp-warden pin)");
  }
  return {
    sha256,
    definition: hashedDefinition(definition as ToolDefinition),
    approved_at: expectString(entry.approved_at, file, `${key}.approved_at`),
    approved_by: expectString(entry.approved_by, file, `${key}.approved_by`),
  };
}

function expectRecord(value: unknown, file: string, key: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(file, key, "must be an object");
  return value as Record<string, unknown>;
}

function expectString(value: unknown, file: string, key: string): string {
  if (typeof value !== "string") throw invalid(file, key, "must be a string");
  return value;
}

function invalid(file: string, key: string, detail: string): ConfigError {
  return new ConfigError("ERR_CONFIG_INVALID", `invalid lockfile: ${detail}`, { file, key });
}
