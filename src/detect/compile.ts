// Compiles a detector for the engine: private RegExp copies, keyword ids, and the fast path its pattern declares
// (keyword anchor or character run, see anchor.ts).
import { type AnchorGuard, anchorOf, runOf } from "./anchor.ts";
import { runClassTable } from "./char-runs.ts";
import { isExactCase } from "./keyword-tables.ts";
import type { RunStarts, WalkBack } from "./sticky-runs.ts";
import type { Detector } from "./types.ts";

export interface CompiledDetector {
  readonly detector: Detector;
  readonly order: number;
  /** A private copy (engines never share lastIndex), without the `d` flag (see `indices`). */
  readonly pattern: RegExp;
  readonly group: number;
  /**
   * When a capture group is reported: a sticky copy WITH the `d` flag, re-run only at an accepted match to find
   * the group's offset. Scanning with `d` builds an indices array for every attempt's match: measured, sticky
   * attempts of generic-api-key cost 0.33 µs with `d` against 0.15 µs without.
   */
  readonly indices?: RegExp;
  /** Indexes into the engine's KeywordIndex; empty means "always run". */
  readonly keywordIds: readonly number[];
  /** For patterns anchored at their keywords (see anchor.ts): those keywords, a sticky copy, the walk-back class. */
  readonly anchor?: CompiledAnchor;
  /** For run-shaped patterns (see withinRun): which run class, where a match may start, and a sticky copy. */
  readonly run?: CompiledRun;
}

export interface CompiledAnchor {
  readonly ids: readonly number[];
  readonly sticky: RegExp;
  /** ASCII table of the characters a match may start before its keyword, and how far back. */
  readonly back?: WalkBack;
  readonly guard?: AnchorGuard;
}

export interface CompiledRun extends RunStarts {
  /** Index into the engine's run classes (detectors sharing a class share its runs). */
  readonly runClass: number;
  readonly sticky: RegExp;
}

/** A run class shared by run-shaped detectors: its table and the smallest minimum any of them declares. */
export interface RunClass {
  readonly key: string;
  readonly table: Uint8Array;
  /** Every member counts toward the minimum (IBAN-shaped runs): a run's count is its length. */
  readonly countsAll: boolean;
  min: number;
}

export function compile(
  detector: Detector,
  order: number,
  position: ReadonlyMap<string, number>,
  runClasses: RunClass[],
): CompiledDetector {
  const group = detector.group ?? 0;
  let flags = detector.pattern.flags.replace("d", "");
  if (!flags.includes("g")) flags += "g";
  const keywordIds = detector.keywords.map((k) => position.get(k) ?? -1);
  const pattern = new RegExp(detector.pattern.source, flags);
  const indices = group > 0 ? new RegExp(detector.pattern.source, `${flags}dy`) : undefined;
  const compiled = indices
    ? { detector, order, group, keywordIds, pattern, indices }
    : { detector, order, group, keywordIds, pattern };
  const sticky = () => new RegExp(detector.pattern.source, `${flags}y`);
  const run = runOf(detector.pattern);
  if (run !== undefined) {
    const runClass = classOf(run.chars, run.counted, run.min, runClasses);
    const starts = {
      min: run.min,
      minOthers: run.minOthers ?? 0,
      first: asciiTable(run.first),
      notAfter: asciiTable(run.notAfter),
    };
    return { ...compiled, run: { ...starts, runClass, sticky: sticky() } };
  }
  const anchor = anchorOf(detector.pattern);
  if (!anchor) return compiled;
  // Each prefix must begin with one of the detector's keywords: a match then starts where that keyword occurs.
  const keywords = anchor.prefixes.map((p) => longestKeywordPrefix(p, detector.keywords));
  if (keywords.some((k) => k === undefined)) return compiled;
  const ids = [...new Set(keywords.map((k) => position.get(k ?? "") ?? -1))];
  const back = anchor.back && { table: asciiTable(anchor.back.chars), max: anchor.back.max };
  const compiledAnchor: CompiledAnchor = {
    ids,
    sticky: sticky(),
    ...(back ? { back } : {}),
    ...(anchor.guard ? { guard: anchor.guard } : {}),
  };
  return { ...compiled, anchor: compiledAnchor };
}

/** The longest keyword the prefix begins with: as is for an exact-case keyword, lower-cased for the others. */
function longestKeywordPrefix(prefix: string, keywords: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const k of keywords) {
    const begins = isExactCase(k) ? prefix.startsWith(k) : prefix.toLowerCase().startsWith(k);
    if (begins && k.length > (best?.length ?? 0)) best = k;
  }
  return best;
}

function classOf(chars: RegExp, counted: RegExp, min: number, runClasses: RunClass[]): number {
  if (!Number.isInteger(min) || min < 1) throw new RangeError(`run minimum must be a positive integer: ${min}`);
  const key = `${chars.source}\u0000${counted.source}`;
  const found = runClasses.findIndex((c) => c.key === key);
  if (found >= 0) {
    const existing = runClasses[found] as RunClass;
    existing.min = Math.min(existing.min, min);
    return found;
  }
  const table = runClassTable(chars, counted);
  runClasses.push({ key, table, countsAll: table.every((v) => v === 0 || v === 3), min });
  return runClasses.length - 1;
}

export function asciiTable(chars: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = chars.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}
