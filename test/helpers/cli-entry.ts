// Runs the CLI from source (through tsx) so tests exercise the current code without a build step.
import { main } from "../../src/cli/main.ts";

process.exitCode = await main(process.argv.slice(2));
