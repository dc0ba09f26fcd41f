// `--format json`: the stable output contract of DESIGN.md "Scan output" (version 1). Fields are copied one by one
// so internal fields (raw secret, key paths) can never leak into it.
import type { ScanResult } from "../scan.ts";
import type { Finding } from "../types.ts";
import { summarize } from "./summary.ts";

export interface JsonFormatOptions {
  showSecrets?: boolean;
}

export function formatJson(result: ScanResult, opts: JsonFormatOptions = {}): string {
  const findings = result.findings.map((f) => finding(f, opts.showSecrets === true));
  return `${JSON.stringify({ version: 1, findings, summary: summarize(result) }, null, 2)}\n`;
}

function finding(f: Finding, show: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
  };
  if (f.client !== undefined) out.client = f.client;
  if (f.server !== undefined) out.server = f.server;
  out.location = f.location;
  out.message = f.message;
  // The raw value only on request (--show-secrets); the contract's shape otherwise has no secret field at all.
  if (show && f.secret !== undefined) out.secret = f.secret;
  return out;
}
