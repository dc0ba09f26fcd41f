// CLI dispatch and exit codes (DESIGN.md "CLI"): 0 ok, 1 findings/failed checks/verification failure,
// 2 usage or configuration error. Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from "commander";
import { ConfigError, UsageError, WardenError } from "../errors.ts";
import { VERSION } from "../version.ts";
import { commands } from "./commands/index.ts";
import { EXIT } from "./exit-codes.ts";
import { writeErr } from "./output.ts";

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("mcp-warden")
    .description("Least-privilege security layer for the Model Context Protocol")
    .version(VERSION, "-V, --version")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError("(run mcp-warden --help for usage)");
  const result: { code: number } = { code: EXIT.OK };
  for (const register of commands) register(program, result);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return result.code;
  } catch (err) {
    return exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version end in a CommanderError with exit code 0.
    return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  }
  if (err instanceof ConfigError || err instanceof UsageError) {
    writeErr(`mcp-warden: ${err.message}`);
    return EXIT.USAGE;
  }
  if (err instanceof WardenError) {
    writeErr(`mcp-warden: ${err.code}: ${err.message}`);
    return EXIT.FAILURE;
  }
  // Unexpected: one line, no stack trace (set WARDEN_DEBUG=1 for the stack).
  const message = err instanceof Error ? err.message : String(err);
  writeErr(`mcp-warden: internal error: ${message}`);
  if (process.env.WARDEN_DEBUG && err instanceof Error && err.stack) writeErr(err.stack);
  return EXIT.FAILURE;
}
