// `mcp-warden pin`: approve what each upstream offers into warden.lock; `--diff` compares without writing and exits 1
// when anything differs, for CI (DESIGN.md "CLI" and "Tool pins"; layout in docs/lockfile.md).
import { userInfo } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { listUpstreamTools } from "../../gateway/list-upstream-tools.ts";
import { type LoadedPolicy, loadPolicy, resolvePolicyFile, resolvePolicyPath } from "../../policy/load.ts";
import { diffLock, formatLockDiff, hasDifferences, type LockDiff } from "../../policy/lock-diff.ts";
import {
  type Lockfile,
  pinUpstream,
  readLockfile,
  serializeLockfile,
  type ToolListing,
  writeLockfile,
} from "../../policy/lockfile.ts";
import { EXIT } from "../exit-codes.ts";
import { writeErr, writeOut } from "../output.ts";
import type { CommandResult } from "./index.ts";

interface PinOptions {
  policy?: string;
  upstream?: string;
  by?: string;
  diff?: boolean;
}

export function register(program: Command, result: CommandResult): void {
  program
    .command("pin")
    .description("approve the tool definitions of the policy's upstreams into the lockfile (warden.lock)")
    .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
    .option("--upstream <name>", "pin only this upstream (default: every upstream of the policy)")
    .option("--by <name>", "who approves the new or changed definitions (default: the OS user)")
    .option("--diff", "compare the live tools with the lock without writing; exit 1 when anything differs")
    .action(async (opts: PinOptions) => {
      result.code = await runPin(opts);
    });
}

async function runPin(opts: PinOptions): Promise<number> {
  const loaded = await loadPolicy(resolvePolicyFile(opts.policy));
  const names = upstreamNames(loaded, opts.upstream);
  const file = resolvePolicyPath(loaded, loaded.policy.pins.lockfile);
  const lock = readLockfile(file);
  const listings = new Map<string, ToolListing>();
  for (const name of names) {
    const config = loaded.policy.upstreams[name];
    if (config) listings.set(name, await listUpstreamTools(config, { name, cwd: loaded.dir }));
  }
  const diffs = [...listings].map(([name, listing]) => diffLock(lock, name, listing));
  if (opts.diff) {
    for (const diff of diffs) writeOut(formatLockDiff(diff));
    return diffs.some(hasDifferences) ? EXIT.FAILURE : EXIT.OK;
  }
  const approval = { by: opts.by ?? defaultApprover(), at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") };
  let next: Lockfile = lock;
  for (const [name, listing] of listings) next = pinUpstream(next, name, listing, approval);
  for (const diff of diffs) writeErr(summary(diff, listings.get(diff.upstream)?.tools.length ?? 0));
  if (serializeLockfile(next) === serializeLockfile(lock)) {
    writeErr(`${file}: unchanged`);
  } else {
    writeLockfile(file, next);
    writeErr(`${file}: written`);
  }
  return EXIT.OK;
}

function upstreamNames(loaded: LoadedPolicy, flag: string | undefined): string[] {
  const names = Object.keys(loaded.policy.upstreams).sort();
  if (flag !== undefined) {
    if (!Object.hasOwn(loaded.policy.upstreams, flag)) {
      throw new UsageError(`no upstream named "${flag}" in ${loaded.file} (known: ${names.join(", ") || "none"})`);
    }
    return [flag];
  }
  if (names.length === 0) throw new UsageError(`${loaded.file} declares no upstream to pin`);
  return names;
}

function summary(diff: LockDiff, count: number): string {
  const parts = [`${diff.added.length} added`, `${diff.changed.length} changed`, `${diff.removed.length} removed`];
  const server = diff.server ? `, server ${diff.server.after.name} ${diff.server.after.version}` : "";
  return `pinned upstream ${diff.upstream}: ${count} tools (${parts.join(", ")}${server})`;
}

function defaultApprover(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}
