// .env.local for --fix: created mode 0600 (owner-only, CWE-732), values appended without duplicates, and the file
// ensured ignored by git before any secret is written to it.
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compileIgnore, isIgnored } from "../gitignore.ts";

export const ENV_LOCAL = ".env.local";

export async function ensureIgnored(dir: string): Promise<boolean> {
  const file = join(dir, ".gitignore");
  const text = await readFile(file, "utf8").catch(() => "");
  if (isIgnored(compileIgnore(text), ENV_LOCAL)) return false;
  const sep = text === "" || text.endsWith("\n") ? "" : "\n";
  await writeFile(file, `${text}${sep}# secrets moved out of MCP configs by mcp-warden scan --fix\n${ENV_LOCAL}\n`);
  return true;
}

export async function readEnvLocal(dir: string): Promise<Map<string, string>> {
  const text = await readFile(join(dir, ENV_LOCAL), "utf8").catch(() => "");
  const vars = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (m?.[1]) vars.set(m[1], unquote(m[2] ?? ""));
  }
  return vars;
}

export async function appendEnvLocal(dir: string, entries: [string, string][]): Promise<void> {
  if (entries.length === 0) return;
  const file = join(dir, ENV_LOCAL);
  const text = await readFile(file, "utf8").catch(() => "");
  const sep = text === "" || text.endsWith("\n") ? "" : "\n";
  const lines = entries.map(([k, v]) => `${k}=${quote(v)}`).join("\n");
  await writeFile(file, `${text}${sep}${lines}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

/** Single quotes keep $ and # literal for dotenv loaders and `set -a; . ./.env.local`. */
function quote(value: string): string {
  return /^[A-Za-z0-9_./:@+-]*$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replaceAll("'\\''", "'");
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) return v.slice(1, -1);
  return v;
}
