// cross-env-credential: the same credential (value or variable name) feeding servers of different environments —
// staging credentials that also work in production enable lateral movement (CWE-1391/CWE-653).
import { lineIndex } from "../../parsers/line-index.ts";
import { formatPath } from "../../parsers/node.ts";
import type { ConfigContext, Field, Finding, ScanPolicy } from "../../types.ts";
import { defineRepoRule } from "../define-rule.ts";
import { credentialPart, isSensitiveKey } from "../literal-secret/heuristics.ts";
import { findReferences } from "../literal-secret/references.ts";

const ENV_WORD = /(?:^|[^a-z])(dev|development|local|staging|stage|stg|qa|uat|prod|production|prd)(?:[^a-z]|$)/i;
const CANON: Record<string, string> = {
  development: "dev",
  local: "dev",
  stage: "staging",
  stg: "staging",
  uat: "staging",
  qa: "staging",
  production: "prod",
  prd: "prod",
};

export const crossEnvCredential = defineRepoRule({
  meta: {
    id: "cross-env-credential",
    severity: "high",
    title: "Same credential used in different environments",
    description:
      "The same credential value, or the same environment variable, is given to servers of different environments (dev/staging/prod, told apart by file name, server name, or the policy's scan.environments).",
    rationale:
      "A staging token that also opens production turns any compromise of the weaker environment into one of the stronger (lateral movement; CWE-653).",
    fix: "Issue separate credentials per environment and give them distinct variable names (`STAGING_DB_URL`, `PROD_DB_URL`).",
    cwe: "CWE-653",
  },
  async check(ctx) {
    const seen = new Map<string, { env: string; where: string }>();
    const out: Finding[] = [];
    for (const config of ctx.configs) {
      const lines = lineIndex(config.config.text);
      for (const server of config.servers) {
        const env = environmentOf(config, server.name, config.policy);
        if (!env) continue;
        for (const f of [...server.env, ...server.headers]) {
          for (const key of credentialKeys(f)) {
            const { line, column } = lines.position(f.node.offset);
            const where = `${config.config.file}:${line}`;
            const prior = seen.get(key.id);
            if (!prior) seen.set(key.id, { env, where });
            else if (prior.env !== env) {
              const message = `${key.label} is used for ${prior.env} (${prior.where}) and ${env}`;
              out.push({
                rule: "cross-env-credential",
                severity: key.severity,
                file: config.config.file,
                line,
                column,
                client: config.client,
                server: server.name,
                location: formatPath(f.path),
                message,
              });
            }
          }
        }
      }
    }
    return out;
  },
});

function environmentOf(config: ConfigContext, server: string, policy: ScanPolicy | undefined): string | undefined {
  for (const [env, marks] of Object.entries(policy?.environments ?? {})) {
    if (marks.some((m) => server.includes(m) || config.config.file.includes(m))) return env;
  }
  const word = ENV_WORD.exec(server)?.[1] ?? ENV_WORD.exec(config.config.file)?.[1];
  if (!word) return undefined;
  const lower = word.toLowerCase();
  return CANON[lower] ?? lower;
}

function credentialKeys(f: Field): { id: string; label: string; severity: "high" | "medium" }[] {
  const refs = findReferences(f.value);
  if (refs.length > 0) {
    return isSensitiveKey(f.key)
      ? refs.map((r) => ({ id: `var:${r.name}`, label: `the variable ${r.name}`, severity: "medium" as const }))
      : [];
  }
  const part = isSensitiveKey(f.key) ? credentialPart(f.value) : undefined;
  return part ? [{ id: `value:${f.value}`, label: `the credential in ${f.key}`, severity: "high" }] : [];
}
