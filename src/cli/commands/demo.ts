// `mcp-warden demo`: every protection shown step by step on the reference server, on embedded defaults.
import type { Command } from "commander";
import { runDemo } from "../demo/run-demo.ts";
import type { CommandResult } from "./index.ts";

export function register(program: Command, result: CommandResult): void {
  program
    .command("demo")
    .description("run the staging-db reference server behind the gateway and show each guard at work")
    .action(async () => {
      result.code = await runDemo();
    });
}
