// The summary block shared by the formatters: counts of files, servers, findings and findings per severity.
import type { ScanResult } from "../scan.ts";
import { SEVERITIES } from "../severity.ts";
import type { Severity } from "../types.ts";

export interface Summary {
  files: number;
  servers: number;
  findings: number;
  by_severity: Partial<Record<Severity, number>>;
}

export function summarize(result: ScanResult): Summary {
  const by: Partial<Record<Severity, number>> = {};
  for (const s of [...SEVERITIES].reverse()) {
    const n = result.findings.filter((f) => f.severity === s).length;
    if (n > 0) by[s] = n;
  }
  return { files: result.files, servers: result.servers, findings: result.findings.length, by_severity: by };
}
