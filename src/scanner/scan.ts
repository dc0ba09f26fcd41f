// The scan driver: discover config files under the given paths (and, with home, the user's and managed ones),
// scan each with its client's rules, then run the repository rules. fs-only: git access comes in as a GitProbe.
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "../errors.ts";
import type { HomeEnv } from "./discovery/client-spec.ts";
import { CLIENTS, clientForPath } from "./discovery/clients.ts";
import { CONFIG_RULES, REPO_RULES } from "./rules/catalogue.ts";
import { scanConfigText } from "./scan-config.ts";
import { defaultSecretFinder } from "./secret-finder.ts";
import { severityRank } from "./severity.ts";
import type { ClientId, ConfigContext, Finding, GitProbe, RepoContext, ScanPolicy, SecretFinder } from "./types.ts";
import { walk } from "./walk.ts";

export interface ScanOptions {
  paths: readonly string[];
  /** Adds user-level and managed configs of every client. */
  home?: HomeEnv;
  policy?: ScanPolicy;
  git?: GitProbe;
  detectSecrets?: SecretFinder;
}

export interface ScanResult {
  findings: Finding[];
  files: number;
  servers: number;
}

interface Target {
  abs: string;
  display: string;
  client: ClientId;
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const roots: RepoContext["roots"] = [];
  const targets: Target[] = [];
  for (const p of opts.paths) await addPath(p, roots, targets);
  if (opts.home) await addHome(opts.home, targets);
  const detectSecrets = opts.detectSecrets ?? defaultSecretFinder();
  const findings: Finding[] = [];
  const configs: ConfigContext[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.abs)) continue;
    seen.add(t.abs);
    const text = await readFile(t.abs, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const result = scanConfigText(t.display, text, t.client, {
      rules: CONFIG_RULES,
      policy: opts.policy,
      detectSecrets,
    });
    findings.push(...result.findings.map((f) => ({ ...f, absFile: t.abs })));
    if (result.context) configs.push(result.context);
  }
  const configFiles = targets.map((t) => ({ file: t.abs, client: t.client }));
  const repo: RepoContext = { roots, configFiles, configs, git: opts.git };
  for (const rule of REPO_RULES) findings.push(...(await rule.check(repo)));
  return {
    findings: sortFindings(findings),
    files: seen.size,
    servers: configs.reduce((n, c) => n + c.servers.length, 0),
  };
}

async function addPath(p: string, roots: RepoContext["roots"], targets: Target[]): Promise<void> {
  const abs = resolve(p);
  const info = await stat(abs).catch(() => undefined);
  if (!info) throw new UsageError(`scan: no such file or folder: ${p}`);
  const display = p === "." || p === "./" ? "" : p.replace(/\/+$/, "");
  if (info.isFile()) {
    targets.push({ abs, display: p, client: clientForPath(abs.replaceAll("\\", "/"))?.id ?? fallbackClient(abs) });
    return;
  }
  const files = await walk(abs);
  roots.push({ root: abs, display, files });
  for (const rel of files) {
    const client = clientForPath(rel);
    if (client) targets.push({ abs: `${abs}/${rel}`, display: display ? `${display}/${rel}` : rel, client: client.id });
  }
}

async function addHome(env: HomeEnv, targets: Target[]): Promise<void> {
  for (const spec of CLIENTS) {
    for (const file of [...spec.user(env), ...spec.managed(env)]) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) targets.push({ abs: file, display: file, client: spec.id });
    }
  }
}

/** An explicitly named file no client pattern matches: read it with the most common shape for its format. */
function fallbackClient(file: string): ClientId {
  if (/\.toml$/i.test(file)) return "codex";
  if (/\.ya?ml$/i.test(file)) return "continue";
  return "claude-code";
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      severityRank(b.severity) - severityRank(a.severity),
  );
}
