// `mcp-warden scan [PATH...]`: audits MCP client configs and repository hygiene. Exit 0 when nothing is at or above
// --fail-on (default high), 1 when something is, 2 on usage or configuration errors (DESIGN.md "CLI").
import { access, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { loadPolicy, resolvePolicyFile } from "../../policy/load.ts";
import { applyFixes } from "../../scanner/fix/apply-fixes.ts";
import { formatJson } from "../../scanner/formatters/json.ts";
import { formatSarif } from "../../scanner/formatters/sarif.ts";
import { formatText } from "../../scanner/formatters/text.ts";
import { gitCliProbe } from "../../scanner/git-cli.ts";
import { scanPolicyOf } from "../../scanner/policy-adapter.ts";
import { type ScanResult, scan } from "../../scanner/scan.ts";
import { atLeast, isSeverity } from "../../scanner/severity.ts";
import type { ScanPolicy, Severity } from "../../scanner/types.ts";
import { EXIT } from "../exit-codes.ts";
import { writeErr, writeOut } from "../output.ts";
import type { CommandResult } from "./index.ts";

/** Default --fail-on: high. Critical and high findings (literal secrets, risky docker flags…) fail CI by default. */
export const DEFAULT_FAIL_ON: Severity = "high";

interface ScanFlags {
  home?: boolean;
  policy?: string;
  format: string;
  output?: string;
  failOn: string;
  fix?: boolean;
  showSecrets?: boolean;
}

export function register(program: Command, result: CommandResult): void {
  program
    .command("scan")
    .description("audit MCP client configs and the repository's hygiene")
    .argument("[path...]", "files or folders to scan (default: . unless --home)")
    .option("--home", "also scan the current user's user-level and managed client configs")
    .option("--policy <file>", "policy file (default: $WARDEN_POLICY or ./warden.yaml when present)")
    .option("--format <format>", "text | json | sarif", "text")
    .option("--output <file>", "write the report to a file instead of stdout")
    .option(
      "--fail-on <severity>",
      "exit 1 when a finding is at or above: low | medium | high | critical",
      DEFAULT_FAIL_ON,
    )
    .option("--fix", "move literal secrets to .env.local and reference them from the config")
    .option("--show-secrets", "print secret values in full (masked otherwise)")
    .action(async (paths: string[], flags: ScanFlags) => {
      result.code = await runScan(paths, flags);
    });
}

async function runScan(paths: string[], flags: ScanFlags): Promise<number> {
  if (!["text", "json", "sarif"].includes(flags.format))
    throw new UsageError(`--format must be text, json or sarif, not "${flags.format}"`);
  if (!isSeverity(flags.failOn))
    throw new UsageError(`--fail-on must be low, medium, high or critical, not "${flags.failOn}"`);
  const failOn = flags.failOn;
  const policy = await policyFor(flags.policy);
  const targets = paths.length > 0 || flags.home ? paths : ["."];
  const git = gitCliProbe();
  const home = flags.home
    ? {
        home: homedir(),
        platform: process.platform,
        appData: process.env.APPDATA,
        xdgConfig: process.env.XDG_CONFIG_HOME,
      }
    : undefined;
  let found: ScanResult = await scan({ paths: targets, home, policy, git });
  if (flags.fix) {
    const report = await applyFixes(found.findings, git);
    for (const line of report) writeErr(line);
    found = await scan({ paths: targets, home, policy, git });
  }
  const show = flags.showSecrets === true;
  const text =
    flags.format === "json"
      ? formatJson(found, { showSecrets: show })
      : flags.format === "sarif"
        ? formatSarif(found, { showSecrets: show })
        : formatText(found, {
            showSecrets: show,
            color: !flags.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
          });
  if (flags.output) await writeFile(flags.output, text);
  else writeOut(text);
  return found.findings.some((f) => atLeast(f.severity, failOn)) ? EXIT.FAILURE : EXIT.OK;
}

/** An explicit --policy (or $WARDEN_POLICY) must load; the implicit ./warden.yaml is used only when it exists. */
async function policyFor(flag: string | undefined): Promise<ScanPolicy | undefined> {
  const file = resolvePolicyFile(flag);
  const explicit = flag !== undefined || !!process.env.WARDEN_POLICY;
  if (
    !explicit &&
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    return undefined;
  return scanPolicyOf((await loadPolicy(file)).policy);
}
