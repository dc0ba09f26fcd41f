// `--format text`: findings grouped by file, coloured on a TTY (picocolors), secrets masked, one summary line.
import pc from "picocolors";
import type { ScanResult } from "../scan.ts";
import type { Finding, Severity } from "../types.ts";
import { shownSecret } from "./mask.ts";
import { summarize } from "./summary.ts";

export interface TextFormatOptions {
  color?: boolean;
  showSecrets?: boolean;
}

export function formatText(result: ScanResult, opts: TextFormatOptions = {}): string {
  const c = pc.createColors(opts.color === true);
  const paint: Record<Severity, (s: string) => string> = {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.dim,
  };
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(c.underline(file));
    for (const f of findings) {
      const where = `${f.line}:${f.column}`.padEnd(8);
      const secret = shownSecret(f.secret, opts.showSecrets === true);
      const detail = [f.server ? `server ${f.server}` : "", f.location, secret ? `value ${secret}` : ""]
        .filter(Boolean)
        .join(", ");
      lines.push(
        `  ${c.dim(where)} ${paint[f.severity](f.severity.padEnd(8))} ${f.message}${detail ? c.dim(` (${detail})`) : ""}  ${c.dim(f.rule)}`,
      );
    }
    lines.push("");
  }
  const s = summarize(result);
  const counts = Object.entries(s.by_severity).map(([sev, n]) => `${n} ${sev}`);
  lines.push(
    `${s.findings} finding${s.findings === 1 ? "" : "s"}${counts.length ? ` (${counts.join(", ")})` : ""} in ${s.files} config file${s.files === 1 ? "" : "s"}, ${s.servers} server${s.servers === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
