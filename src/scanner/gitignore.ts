// A small matcher for .gitignore-style patterns (gitignore(5)): *, **, ?, leading / anchors, trailing / for
// folders, ! negation; also used for agent ignore files and CODEOWNERS (same syntax). Patterns come from the
// scanned repository, so matching avoids backtracking regexes: segment-wise DP plus a two-pointer wildcard match,
// polynomial with small bounded factors (ReDoS, CWE-1333).
export interface IgnoreRule {
  negate: boolean;
  segments: string[];
  source: string;
}

const MAX_RULES = 10_000;
const MAX_PATTERN = 512;

export function compileIgnore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/).slice(0, MAX_RULES)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    const pattern = ((negate ? line.slice(1) : line).split(/\s+/)[0] ?? "").slice(0, MAX_PATTERN);
    if (pattern) rules.push({ negate, segments: segmentsOf(pattern), source: line });
  }
  return rules;
}

/** Last matching rule wins (gitignore(5) "PATTERN FORMAT"). */
export function isIgnored(rules: readonly IgnoreRule[], relPath: string): boolean {
  let ignored = false;
  for (const rule of rules) if (ruleMatches(rule, relPath)) ignored = !rule.negate;
  return ignored;
}

export function ruleMatches(rule: IgnoreRule, relPath: string): boolean {
  const path = relPath.split("/").filter(Boolean).slice(0, 64);
  // A pattern matching a folder covers everything beneath it: try every leading part of the path.
  for (let k = 1; k <= path.length; k++) if (matchSegments(rule.segments, path.slice(0, k))) return true;
  return false;
}

function segmentsOf(pattern: string): string[] {
  let p = pattern.endsWith("/") ? pattern.slice(0, -1) : pattern;
  const anchored = p.startsWith("/") || p.includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  const segs = p.split("/").filter(Boolean);
  return anchored ? segs : ["**", ...segs];
}

function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  // dp[j] = pattern[i..] matches path[j..], computed from the end (O(P × S) segment matches).
  let next: boolean[] = Array.from({ length: path.length + 1 }, (_, j) => j === path.length);
  for (let i = pattern.length - 1; i >= 0; i--) {
    const seg = pattern[i] ?? "";
    const cur: boolean[] = new Array(path.length + 1).fill(false);
    for (let j = path.length; j >= 0; j--) {
      if (seg === "**") cur[j] = (next[j] ?? false) || (j < path.length && (cur[j + 1] ?? false));
      else cur[j] = j < path.length && (next[j + 1] ?? false) && wildcard(seg, path[j] ?? "");
    }
    next = cur;
  }
  return next[0] ?? false;
}

/** `*` and `?` within one segment: the classic greedy two-pointer match with one backtrack point. */
export function wildcard(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
