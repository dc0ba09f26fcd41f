// Runs a sticky pattern only at the candidate starts the engine's prefilter found (keyword occurrences, digit runs),
// reproducing what a full-text pass of the same pattern finds: leftmost matches, none starting inside an earlier one.
import type { AnchorGuard } from "./anchor.ts";

/** The ASCII characters a match may start with before its keyword, and how far back (see anchor.ts). */
export interface WalkBack {
  readonly table: Uint8Array;
  readonly max: number;
}

/**
 * Start of the run of `table` characters that ends at `at`, or -1 when the run is longer than `max` (the pattern,
 * which bounds that run and requires it to begin after a non-member, cannot match there).
 */
function walkBack(text: string, at: number, floor: number, table: Uint8Array, max: number): number {
  let s = at;
  while (s > floor && at - s <= max) {
    const c = text.charCodeAt(s - 1);
    if (c >= 128 || table[c] !== 1) return s;
    s--;
  }
  return s === floor || at - s <= max ? s : -1;
}

/** One sticky attempt per keyword occurrence (sorted); occurrences inside an accepted match are skipped. */
export function runAtKeywords(
  sticky: RegExp,
  starts: ArrayLike<number>,
  around: { readonly back?: WalkBack; readonly guard?: AnchorGuard },
  text: string,
  onMatch: (m: RegExpExecArray) => void,
): void {
  const { back, guard } = around;
  let floor = 0;
  for (let i = 0; i < starts.length; i++) {
    const keywordAt = starts[i] as number;
    if (keywordAt < floor || (guard !== undefined && !guard(text, keywordAt))) continue;
    const start = back ? walkBack(text, keywordAt, floor, back.table, back.max) : keywordAt;
    if (start < 0) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m !== null && m[0].length > 0) {
      onMatch(m);
      floor = start + m[0].length;
    }
  }
}

/** Where a run-shaped pattern may start (see withinRun): ASCII tables of its first and excluded-before classes. */
export interface RunStarts {
  readonly min: number;
  /** Members that are not counted (separators) a run must hold, see CharRun.minOthers. */
  readonly minOthers: number;
  readonly first: Uint8Array;
  readonly notAfter: Uint8Array;
}

/**
 * One sticky attempt per possible start in each run (flat [start, end, counted] triples) holding at least `min`
 * counted characters and `minOthers` others; positions inside an accepted match are skipped. A position the
 * pattern's first character or leading lookbehind rules out is not tried: in a card-shaped run that leaves one
 * attempt instead of sixteen. The separators an SSN or a NANP phone needs rule out most digit runs of a log (hex
 * ids, floats, counters): measured on the clean bench documents, their attempts went from ~230 and ~180 per 64 KiB
 * to ~75 and ~100.
 */
export function runInRuns(
  sticky: RegExp,
  starts: RunStarts,
  runs: readonly number[],
  text: string,
  onMatch: (m: RegExpExecArray) => void,
): void {
  const { min, minOthers, first, notAfter } = starts;
  for (let r = 0; r + 2 < runs.length; r += 3) {
    const counted = runs[r + 2] as number;
    const end = runs[r + 1] as number;
    if (counted < min || end - (runs[r] as number) - counted < minOthers) continue;
    for (let at = runs[r] as number; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c >= 128 || first[c] !== 1) continue;
      const before = at > 0 ? text.charCodeAt(at - 1) : 128;
      if (before < 128 && notAfter[before] === 1) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m !== null && m[0].length > 0) {
        onMatch(m);
        at += m[0].length - 1;
      }
    }
  }
}
