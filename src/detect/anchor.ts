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
  /**
   * A cheap necessary condition at a keyword occurrence `at`: false means no match starts there, so the engine
   * skips the sticky attempt (see assignedPattern: an assignment operator must follow the key name).
   */
  readonly guard?: AnchorGuard;
}

export type AnchorGuard = (text: string, at: number) => boolean;

const ANCHORS = new WeakMap<RegExp, Anchor>();

/**
 * Declares where every match of `pattern` starts. The engine uses this only when each prefix, lower-cased, begins
 * with one of the detector's keywords (it then tries the pattern at that keyword's occurrences); a contract test
 * checks that anchored scans find exactly what full-text passes find.
 */
export function anchoredAt<T extends RegExp>(
  pattern: T,
  prefixes: readonly string[],
  back?: Anchor["back"],
  guard?: AnchorGuard,
): T {
  ANCHORS.set(pattern, { prefixes, ...(back ? { back } : {}), ...(guard ? { guard } : {}) });
  return pattern;
}

export function anchorOf(pattern: RegExp): Anchor | undefined {
  return ANCHORS.get(pattern);
}

/**
 * Where a run-shaped match lies: inside a maximal run of `chars` characters that holds at least `min` characters of
 * `counted`, beginning with a `first` character and never right after a `notAfter` one.
 */
export interface CharRun {
  /** One-character class of every character a match may hold. */
  readonly chars: RegExp;
  /** One-character class, within `chars`, of the characters counted toward `min`. */
  readonly counted: RegExp;
  readonly min: number;
  /** One-character class of the pattern's first character. */
  readonly first: RegExp;
  /** One-character class of the pattern's leading negative lookbehind (a start right after one cannot match). */
  readonly notAfter: RegExp;
  /**
   * How many characters of `chars` that are not `counted` (separators) every match holds at least (default 0): a
   * run with fewer cannot hold a match, and is not tried at all.
   */
  readonly minOthers?: number;
}

const RUNS = new WeakMap<RegExp, CharRun>();

/**
 * Declares that every match of `pattern` lies in a run as described by `run`: the engine then tries the pattern
 * only at `first` positions not after a `notAfter` character inside such runs (found by sampling, see char-runs.ts)
 * instead of at every position of the text. A contract test checks the declaration against full-text passes.
 */
export function withinRun<T extends RegExp>(pattern: T, run: CharRun): T {
  RUNS.set(pattern, run);
  return pattern;
}

export function runOf(pattern: RegExp): CharRun | undefined {
  return RUNS.get(pattern);
}

/** Every character a phone, card or SSN match can hold. */
const DIGIT_RUN_CHARS = /[0-9 ().+-]/;

/**
 * Number-shaped patterns (cards, phones, SSNs): every match consists only of digits and the characters " ().+-",
 * with at least `minDigits` digits and `minSeparators` of the others.
 */
export function withinDigitRun<T extends RegExp>(
  pattern: T,
  run: {
    readonly minDigits: number;
    readonly minSeparators?: number;
    readonly first: RegExp;
    readonly notAfter: RegExp;
  },
): T {
  return withinRun(pattern, {
    chars: DIGIT_RUN_CHARS,
    counted: /[0-9]/,
    min: run.minDigits,
    first: run.first,
    notAfter: run.notAfter,
    minOthers: run.minSeparators ?? 0,
  });
}
