// Offsets of TOML keys (table headers and `key = value` lines), keyed by the full key path joined with NUL.
// A line-based approximation of TOML 1.0 §Keys/§Table: enough to point SARIF regions at the right line.
const HEADER = /^\s*\[\[?([^\]]+)\]\]?/;
const ASSIGN = /^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/;

export function tomlKeyOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let table: string[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const header = HEADER.exec(line);
    if (header?.[1]) {
      table = splitKey(header[1]);
      const key = table.join("\u0000");
      if (!out.has(key)) out.set(key, offset + line.indexOf("[") + 1);
    } else {
      const assign = ASSIGN.exec(line);
      if (assign?.[1]) {
        const key = [...table, ...splitKey(assign[1])].join("\u0000");
        if (!out.has(key)) out.set(key, offset + (line.length - line.trimStart().length));
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function splitKey(raw: string): string[] {
  const parts: string[] = [];
  const re = /\s*("([^"]*)"|'([^']*)'|([^.\s"']+))\s*\.?/g;
  for (const m of raw.matchAll(re)) parts.push(m[2] ?? m[3] ?? m[4] ?? "");
  return parts.filter((p) => p !== "");
}
