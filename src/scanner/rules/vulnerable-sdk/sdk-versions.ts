// Versions of @modelcontextprotocol/sdk resolved in a lockfile (npm, pnpm, yarn, bun), with their offsets.
const NAME = "@modelcontextprotocol/sdk";
// pnpm (`/@modelcontextprotocol/sdk@1.2.3`), bun and yarn berry (`@modelcontextprotocol/sdk@npm:1.2.3`).
const INLINE = /@modelcontextprotocol\/sdk@(?:npm:)?(\d{1,4}\.\d{1,4}\.\d{1,4})/g;
// yarn classic: `"@modelcontextprotocol/sdk@^1.0.0":` then `  version "1.2.3"` on a following line.
const YARN =
  /^"?@modelcontextprotocol\/sdk@[^\n]{0,200}:\n(?:[ \t][^\n]{0,500}\n){0,3}?[ \t]+version:? "?(\d{1,4}\.\d{1,4}\.\d{1,4})/gm;

export const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock"];

export interface SdkVersion {
  version: string;
  offset: number;
}

export function sdkVersions(file: string, text: string): SdkVersion[] {
  if (!text.includes(NAME)) return [];
  if (file.endsWith(".json")) return npmLock(text);
  const out: SdkVersion[] = [];
  for (const re of [INLINE, YARN]) {
    for (const m of text.matchAll(re))
      out.push({ version: m[1] ?? "", offset: (m.index ?? 0) + m[0].lastIndexOf(m[1] ?? "") });
  }
  return dedupe(out);
}

function npmLock(text: string): SdkVersion[] {
  let data: { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const versions: string[] = [];
  for (const [key, pkg] of Object.entries(data.packages ?? {})) {
    if (key.endsWith(`node_modules/${NAME}`) && pkg.version) versions.push(pkg.version);
  }
  const v1 = data.dependencies?.[NAME]?.version;
  if (v1) versions.push(v1);
  return dedupe(
    versions.map((version) => ({
      version,
      offset: Math.max(0, text.indexOf(`"version": "${version}"`, text.indexOf(NAME))),
    })),
  );
}

function dedupe(list: SdkVersion[]): SdkVersion[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    if (seen.has(v.version)) return false;
    seen.add(v.version);
    return true;
  });
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
