// `mcp-warden audit verify FILE` (exit 0 intact, 1 naming the first bad line) and `audit tail FILE` (DESIGN.md "CLI").
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { followFile } from "../../audit/follow.ts";
import { formatAuditLine } from "../../audit/format.ts";
import { readTail } from "../../audit/tail-read.ts";
import { verifyAuditLog } from "../../audit/verify.ts";
import { UsageError } from "../../errors.ts";
import { EXIT } from "../exit-codes.ts";
import { writeOut } from "../output.ts";
import type { CommandResult } from "./index.ts";

const MAX_TAIL_LINES = 100_000;

async function requireFile(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file}: not a regular file`);
    return info.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${file}: cannot read the audit log (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

async function runVerify(file: string, opts: { expectHash?: string; json?: boolean }): Promise<number> {
  await requireFile(file);
  if (opts.expectHash !== undefined && !/^[0-9a-f]{64}$/.test(opts.expectHash)) {
    throw new UsageError("--expect-hash takes a 64-character hex SHA-256 (a head printed by an earlier verify)");
  }
  const result = await verifyAuditLog(file, opts.expectHash ? { expectHash: opts.expectHash } : {});
  if (opts.json) writeOut(JSON.stringify({ file, ...result }));
  else if (result.ok) writeOut(`${file}: ok, ${result.lines} event(s), head ${result.head}`);
  else writeOut(`${file}:${result.line}: ${result.reason}: ${result.message}`);
  return result.ok ? EXIT.OK : EXIT.FAILURE;
}

async function runTail(file: string, opts: { lines: string; follow?: boolean }): Promise<number> {
  const count = Number(opts.lines);
  if (!Number.isInteger(count) || count < 0 || count > MAX_TAIL_LINES) {
    throw new UsageError(`-n takes a whole number from 0 to ${MAX_TAIL_LINES}`);
  }
  const size = await requireFile(file);
  const tail = await readTail(file, count);
  for (const line of tail.lines) writeOut(formatAuditLine(line));
  if (!opts.follow) return EXIT.OK;
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    // A torn last line is re-read from its start so it prints once complete.
    const from = size - tail.incompleteBytes;
    await followFile(file, (line) => writeOut(formatAuditLine(line)), { from, signal: stop.signal });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return EXIT.OK;
}

export function register(program: Command, result: CommandResult): void {
  const audit = program.command("audit").description("verify or read the tamper-evident audit log");
  audit
    .command("verify <file>")
    .description("recompute the hash chain; exit 1 naming the first edited, missing, reordered or inserted line")
    .option("--expect-hash <hash>", "a head recorded earlier: fail if the log no longer contains it")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: { expectHash?: string; json?: boolean }) => {
      result.code = await runVerify(file, opts);
    });
  audit
    .command("tail <file>")
    .description("print recent events, one line each: time, decision, principal, method/tool, outcome, ms")
    .option("-n, --lines <n>", "how many events", "20")
    .option("-f, --follow", "keep printing new events until interrupted")
    .action(async (file: string, opts: { lines: string; follow?: boolean }) => {
      result.code = await runTail(file, opts);
    });
}
