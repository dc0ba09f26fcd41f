// The scanner entry (`mcp-warden/scanner`): scan MCP client configs and repository hygiene; fs-only (no
// child_process here — git access is injected as a GitProbe by the CLI).
export type { ClientSpec, HomeEnv, RefSyntax } from "./discovery/client-spec.ts";
export { CLIENTS, clientById, clientForPath } from "./discovery/clients.ts";
export { formatJson } from "./formatters/json.ts";
export { formatSarif } from "./formatters/sarif.ts";
export { formatText } from "./formatters/text.ts";
export { RULES, ruleById } from "./rules/catalogue.ts";
export { type ScanOptions, type ScanResult, scan } from "./scan.ts";
export { scanConfigText } from "./scan-config.ts";
export { defaultSecretFinder } from "./secret-finder.ts";
export { atLeast, isSeverity, SEVERITIES } from "./severity.ts";
export type { ClientId, Finding, GitProbe, Rule, RuleMeta, ScanPolicy, SecretFinder, Severity } from "./types.ts";
