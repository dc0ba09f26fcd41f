// The command table: one file per command under this folder, each exporting a `register` function.
import type { Command } from "commander";
import { register as approvals } from "./approvals.ts";
import { register as audit } from "./audit.ts";
import { register as demo } from "./demo.ts";
import { register as explain } from "./explain.ts";
import { register as gateway } from "./gateway.ts";
import { register as init } from "./init.ts";
import { register as pin } from "./pin.ts";
import { register as scan } from "./scan.ts";
import { register as tokens } from "./tokens.ts";

/** `result.code` is the process exit code a command sets (see exit-codes.ts). */
export type CommandResult = { code: number };
export type RegisterCommand = (program: Command, result: CommandResult) => void;

export const commands: RegisterCommand[] = [approvals, audit, demo, gateway, init, pin, explain, scan, tokens];
