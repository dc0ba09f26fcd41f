// --fix: moves literal secrets from JSON/JSONC configs into .env.local and writes the reading client's reference
// in their place, keeping comments and formatting (jsonc-parser modify/applyEdits). A backup is written first;
// a second run finds nothing to move, so it changes nothing. Secrets ever committed must be rotated.
import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { applyEdits, findNodeAtLocation, type JSONPath, modify, parseTree } from "jsonc-parser";
import { clientById } from "../discovery/clients.ts";
import { mask } from "../formatters/mask.ts";
import { formatOf } from "../parsers/parse-config.ts";
import type { Finding, GitProbe } from "../types.ts";
import { appendEnvLocal, ENV_LOCAL, ensureIgnored, readEnvLocal } from "./env-local.ts";
import { varNameFor } from "./var-name.ts";

export async function applyFixes(findings: readonly Finding[], git: GitProbe | undefined): Promise<string[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.rule !== "literal-secret" || !f.secret || !f.secretSpan || !f.path || !f.absFile) continue;
    byFile.set(f.absFile, [...(byFile.get(f.absFile) ?? []), f]);
  }
  const report: string[] = [];
  for (const [file, list] of byFile) report.push(...(await fixFile(file, list, git)));
  if (byFile.size === 0) report.push("--fix: no literal secret to move");
  return report;
}

async function fixFile(file: string, findings: Finding[], git: GitProbe | undefined): Promise<string[]> {
  const first = findings[0] as Finding;
  const spec = clientById(first.client ?? "");
  const where = (f: Finding) => `${f.file}:${f.line} (${f.location})`;
  if (!spec?.fixRef || formatOf(file) !== "json") {
    const why = spec?.fixRef
      ? "only JSON/JSONC configs are rewritten"
      : `${spec?.name ?? "this client"} cannot reference environment variables`;
    return findings.map((f) => `not fixed: ${where(f)}: ${why}; move the secret out by hand and rotate it`);
  }
  const dir = envDirFor(file);
  const original = await readFile(file, "utf8");
  const existing = await readEnvLocal(dir);
  let text = original;
  const added: [string, string][] = [];
  const report: string[] = [];
  for (const f of findings) {
    const node = findNodeAtLocation(parseTree(text, [], { allowTrailingComma: true }) as never, f.path as JSONPath);
    const value = typeof node?.value === "string" ? node.value : undefined;
    const span = f.secretSpan as { start: number; end: number };
    if (value === undefined || value.slice(span.start, span.end) !== f.secret) continue;
    const name = uniqueName(varNameFor(f, previousArg(text, f, value)), f.secret as string, existing);
    if (!existing.has(name)) {
      existing.set(name, f.secret as string);
      added.push([name, f.secret as string]);
    }
    const replaced = value.slice(0, span.start) + spec.fixRef(name) + value.slice(span.end);
    text = applyEdits(
      text,
      modify(text, f.path as JSONPath, replaced, { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
    );
    report.push(`fixed: ${where(f)}: ${mask(f.secret as string)} moved to ${ENV_LOCAL} as ${name}`);
    if (await git?.everCommitted(file, f.secret as string)) {
      report.push(
        `  this secret is in the git history of ${f.file}: rotate it — moving it does not remove it from history`,
      );
    }
  }
  if (text === original) return report;
  await backup(file);
  if (await ensureIgnored(dir)) report.push(`added ${ENV_LOCAL} to ${dir}/.gitignore`);
  await appendEnvLocal(dir, added);
  await writeFile(file, text);
  report.push(
    `  load ${dir}/${ENV_LOCAL} into the environment the client starts from (e.g. set -a; . ./${ENV_LOCAL}; set +a)`,
  );
  return report;
}

/** The project folder: out of `.cursor/`, `.vscode/`, `.kiro/settings/` and the like. */
function envDirFor(file: string): string {
  let dir = dirname(file);
  for (let i = 0; i < 2; i++) {
    const parent = dirname(dir);
    if (basename(dir).startsWith(".") || basename(parent).startsWith(".")) dir = parent;
  }
  return basename(dir).startsWith(".") ? dirname(dir) : dir;
}

async function backup(file: string): Promise<void> {
  let target = `${file}.warden-bak`;
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    target = `${file}.${Date.now()}.warden-bak`;
  await copyFile(file, target);
}

function uniqueName(base: string, secret: string, existing: Map<string, string>): string {
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base}_${n}`;
    const current = existing.get(name);
    if (current === undefined || current === secret) return name;
  }
  return `${base}_${Date.now()}`;
}

function previousArg(text: string, f: Finding, value: string): string | undefined {
  const inline = /^(--?[A-Za-z][\w-]*)=/.exec(value);
  if (inline) return inline[1];
  const path = f.path ?? [];
  const index = path[path.length - 1];
  if (typeof index !== "number" || index === 0) return undefined;
  const prev = findNodeAtLocation(
    parseTree(text, [], { allowTrailingComma: true }) as never,
    [...path.slice(0, -1), index - 1] as JSONPath,
  );
  return typeof prev?.value === "string" ? prev.value : undefined;
}
