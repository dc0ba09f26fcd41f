// A small matcher for .gitignore-style patterns (gitignore(5)): *, **, ?, leading / anchors, trailing / for
// folders, ! negation; also used for agent ignore files and CODEOWNERS (which follow the same syntax).
export interface IgnoreRule {
  negate: boolean;
  re: RegExp;
  source: string;
}

export function compileIgnore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/).slice(0, 10_000)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    const pattern = (negate ? line.slice(1) : line).split(/\s+/)[0] ?? "";
    if (pattern) rules.push({ negate, re: toRegExp(pattern), source: line });
  }
  return rules;
}

/** Last matching rule wins (gitignore(5) "PATTERN FORMAT"). */
export function isIgnored(rules: readonly IgnoreRule[], relPath: string): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.re.test(relPath)) ignored = !rule.negate;
  return ignored;
}

function toRegExp(pattern: string): RegExp {
  let p = pattern.slice(0, 512);
  const dirOnly = p.endsWith("/");
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  let body = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? "";
    if (c === "*" && p[i + 1] === "*") {
      const slash = p[i + 2] === "/";
      body += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") body += "[^/]*";
    else if (c === "?") body += "[^/]";
    else body += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  // A pattern matches the path itself or any folder above it (then everything beneath is ignored).
  return new RegExp(`${anchored ? "^" : "(?:^|/)"}${body}(?:/.*)?$`);
}
