// `--format sarif`: SARIF 2.1.0 (OASIS), one run, rules with help text (§3.49), results with physical locations
// (§3.29) whose regions carry 1-based line and column (§3.30), and the dotted key path as a logical location.
import { VERSION } from "../../version.ts";
import { RULES } from "../rules/catalogue.ts";
import type { ScanResult } from "../scan.ts";
import type { Finding, RuleMeta, Severity } from "../types.ts";
import { shownSecret } from "./mask.ts";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};
/** GitHub code scanning reads `security-severity` (0–10) to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "7.5", medium: "5.0", low: "2.0" };

export interface SarifFormatOptions {
  showSecrets?: boolean;
}

export function formatSarif(result: ScanResult, opts: SarifFormatOptions = {}): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "mcp-warden",
            version: VERSION,
            informationUri: "https://www.npmjs.com/package/mcp-warden",
            rules: RULES.map((r) => rule(r.meta)),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The directory the scan was run from." } } },
        results: result.findings.map((f) => sarifResult(f, index.get(f.rule), opts.showSecrets === true)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(meta: RuleMeta) {
  const markdown = `${meta.description}\n\n**Why it matters.** ${meta.rationale}\n\n**How to fix.** ${meta.fix}`;
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: `${meta.description}\n\nWhy: ${meta.rationale}\n\nFix: ${meta.fix}`, markdown },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: ["security", ...(meta.cwe ? [meta.cwe] : [])],
      "security-severity": SECURITY_SEVERITY[meta.severity],
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number | undefined, show: boolean) {
  const secret = shownSecret(f.secret, show);
  const text = secret ? `${f.message} (value ${secret})` : f.message;
  const absolute = f.file.startsWith("/") || /^[A-Za-z]:[\\/]/.test(f.file);
  const artifactLocation = absolute ? { uri: fileUri(f.file) } : { uri: relativeUri(f.file), uriBaseId: "%SRCROOT%" };
  return {
    ruleId: f.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[f.severity],
    message: { text },
    locations: [
      {
        physicalLocation: { artifactLocation, region: { startLine: f.line, startColumn: f.column } },
        ...(f.location ? { logicalLocations: [{ fullyQualifiedName: f.location, kind: "member" }] } : {}),
      },
    ],
    properties: {
      severity: f.severity,
      ...(f.client ? { client: f.client } : {}),
      ...(f.server ? { server: f.server } : {}),
    },
  };
}

function relativeUri(path: string): string {
  return path.replaceAll("\\", "/").split("/").map(encodeURIComponent).join("/");
}

function fileUri(path: string): string {
  const posix = path.replaceAll("\\", "/");
  return `file://${posix.startsWith("/") ? "" : "/"}${relativeUri(posix)}`;
}
