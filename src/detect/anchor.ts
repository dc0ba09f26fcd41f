// Marks patterns whose every match starts at (or just before) one of a few literal keywords, so the engine runs
// them only at the keyword occurrences its prefilter already found: one sticky attempt per occurrence instead of a
// full-text pass.

export interface Anchor {
  /** Every match begins with one of these (compared ASCII case-insensitively). */
  readonly prefixes: readonly string[];
  /**
   * When set, a match begins up to `max` characters BEFORE the keyword, at the start of a run of `chars` (a
   * one-character class): e.g. an email's local part before "@". The engine walks back over the run to find it.
   */
  readonly back?: { readonly chars: RegExp; readonly max: number };
}

const ANCHORS = new WeakMap<RegExp, Anchor>();

/**
 * Declares where every match of `pattern` starts. The engine uses this only when each prefix, lower-cased, is also
 * one of the detector's keywords; a contract test checks every fixture match starts as declared.
 */
export function anchoredAt<T extends RegExp>(pattern: T, prefixes: readonly string[], back?: Anchor["back"]): T {
  ANCHORS.set(pattern, back ? { prefixes, back } : { prefixes });
  return pattern;
}

export function anchorOf(pattern: RegExp): Anchor | undefined {
  return ANCHORS.get(pattern);
}

/** Where a number-shaped match may begin: its first character, and the character it may not follow. */
export interface DigitRun {
  readonly minDigits: number;
  /** One-character class of the pattern's first character. */
  readonly first: RegExp;
  /** One-character class of the pattern's leading negative lookbehind (a start right after one cannot match). */
  readonly notAfter: RegExp;
}

const DIGIT_RUNS = new WeakMap<RegExp, DigitRun>();

/**
 * Declares that every match of `pattern` consists only of digits and the characters " ().+-", with at least
 * `minDigits` digits, begins with a `first` character and never right after a `notAfter` one: the engine then
 * tries the pattern only at such positions inside such runs (found during its keyword pass) instead of at every
 * digit of the text. A contract test checks the declaration against full-text passes.
 */
export function withinDigitRun<T extends RegExp>(pattern: T, run: DigitRun): T {
  DIGIT_RUNS.set(pattern, run);
  return pattern;
}

export function digitRunOf(pattern: RegExp): DigitRun | undefined {
  return DIGIT_RUNS.get(pattern);
}
