// The command table: one file per command under this folder, each exporting a `register` function.
import type { Command } from "commander";
import { register as gateway } from "./gateway.ts";

/** `result.code` is the process exit code a command sets (see exit-codes.ts). */
export type CommandResult = { code: number };
export type RegisterCommand = (program: Command, result: CommandResult) => void;

export const commands: RegisterCommand[] = [gateway];
