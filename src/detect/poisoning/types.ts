// Shared shapes of the tool-definition poisoning detector (hidden instructions, invisible text, escapes).

/** One reason a tool definition looks poisoned. `path` is a dotted path into the definition (`inputSchema.properties.x.description`). */
export interface PoisoningFinding {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
}

/**
 * A heuristic over the human-readable texts of a definition. `raw` is the text with invisible characters and escapes
 * removed; `norm` is `raw` NFKC-normalised, lower-cased, with whitespace collapsed to single spaces, so patterns can
 * be written with literal single spaces and no case folding. Every pattern must be linear-time (ReDoS contract test).
 */
export interface TextRule {
  readonly id: string;
  readonly description: string;
  readonly message: string;
  /** Every regular expression the rule uses, exported for the ReDoS contract test. */
  readonly patterns: readonly RegExp[];
  test(raw: string, norm: string): boolean;
}

/** True when any of `patterns` matches `text` (patterns without the `g` flag, so `test` is stateless). */
export function anyMatch(patterns: readonly RegExp[], text: string): boolean {
  for (const p of patterns) if (p.test(text)) return true;
  return false;
}

/** A rule that fires when any of its patterns matches the normalised text. */
export function patternRule(id: string, description: string, message: string, patterns: readonly RegExp[]): TextRule {
  return { id, description, message, patterns, test: (_raw, norm) => anyMatch(patterns, norm) };
}

/**
 * True when a match of `trigger` (needs the `g` flag) is followed, within `window` characters and before the
 * first character matching `stop`, by a match of `follow`. Two gap-free patterns and a bounded slice replace one
 * pattern with a `[^.]{0,n}` gap: the same language, but each pattern passes the ReDoS checker and the cost
 * stays O(text × window).
 */
export function followedBy(text: string, trigger: RegExp, follow: RegExp, window: number, stop = /[.!?\n]/): boolean {
  for (const m of text.matchAll(trigger)) {
    const from = m.index + m[0].length;
    let tail = text.slice(from, from + window);
    const cut = tail.search(stop);
    if (cut >= 0) tail = tail.slice(0, cut);
    if (follow.test(tail)) return true;
  }
  return false;
}
