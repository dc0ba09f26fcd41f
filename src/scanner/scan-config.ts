// Scans one config text as read by one client: parse (parse errors become findings), extract servers, run rules.
import { clientById } from "./discovery/clients.ts";
import { extractServers } from "./extract-servers.ts";
import { lineIndex } from "./parsers/line-index.ts";
import { formatPath } from "./parsers/node.ts";
import { formatOf, parseConfig } from "./parsers/parse-config.ts";
import type { ClientId, ConfigContext, ConfigRule, Finding, RuleHit, ScanPolicy, SecretFinder } from "./types.ts";

export interface ConfigScanOptions {
  rules: readonly ConfigRule[];
  policy: ScanPolicy | undefined;
  detectSecrets: SecretFinder;
}

export interface ConfigScan {
  findings: Finding[];
  context: ConfigContext | undefined;
}

export function scanConfigText(file: string, text: string, client: ClientId, opts: ConfigScanOptions): ConfigScan {
  const spec = clientById(client);
  const format = formatOf(file);
  const parsed = parseConfig(text, format);
  const lines = lineIndex(text);
  const findings: Finding[] = [];
  if (parsed.error) {
    const { line, column } = lines.position(parsed.error.offset);
    findings.push({
      rule: "parse-error",
      severity: "medium",
      file,
      line,
      column,
      client,
      location: "",
      message: parsed.error.message,
    });
  }
  const root = parsed.root;
  if (!spec || !root || root.type !== "object") return { findings, context: undefined };
  const context: ConfigContext = {
    config: { file, text, format, root },
    client,
    servers: extractServers(root, spec),
    policy: opts.policy,
    detectSecrets: opts.detectSecrets,
  };
  for (const rule of opts.rules) {
    let hits: RuleHit[];
    try {
      hits = rule.check(context);
    } catch (err) {
      // A rule bug must not stop the scan; it surfaces as a parse-error-style finding naming the rule.
      const message = `rule ${rule.meta.id} could not check this file: ${err instanceof Error ? err.message : String(err)}`;
      findings.push({
        rule: "parse-error",
        severity: "medium",
        file,
        line: 1,
        column: 1,
        client,
        location: "",
        message,
      });
      continue;
    }
    for (const h of hits) findings.push(toFinding(h, rule, file, client, lines));
  }
  return { findings, context };
}

function toFinding(
  h: RuleHit,
  rule: ConfigRule,
  file: string,
  client: ClientId,
  lines: ReturnType<typeof lineIndex>,
): Finding {
  const { line, column } = lines.position(h.node?.offset ?? 0);
  const severity = h.severity ?? rule.meta.severity;
  const f: Finding = { rule: rule.meta.id, severity, file, line, column, client, location: "", message: h.message };
  if (h.server !== undefined) f.server = h.server;
  f.location = formatPath(h.path);
  f.path = h.path;
  if (h.secret !== undefined) f.secret = h.secret;
  if (h.secretSpan) f.secretSpan = h.secretSpan;
  return f;
}
