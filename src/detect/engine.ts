// The scanning engine: one prefilter pass per window (keywords, digit runs), the detectors it admits, overlaps.
import { anchorOf, digitRunOf } from "./anchor.ts";
import { createKeywordIndex, type KeywordHits, type KeywordIndex } from "./keyword-index.ts";
import { type Candidate, resolveOverlaps } from "./overlaps.ts";
import { ALL_DETECTORS } from "./registry.ts";
import { type DigitRunStarts, runAtKeywords, runInDigitRuns, type WalkBack } from "./sticky-runs.ts";
import type { Detector, DetectorEngine, DetectorEngineOptions, Span } from "./types.ts";

/**
 * Texts longer than WINDOW are scanned in windows of WINDOW chars that overlap by OVERLAP chars. Every detector
 * pattern bounds its match length well below OVERLAP (the longest, a PEM block, is ≤ 12 KiB), so a secret that
 * straddles a window boundary is still seen whole in the window where it starts. Windows bound the slices the engine
 * copies, and each regex attempt is bounded, so scanning stays linear in the text length.
 */
export const WINDOW = 1 << 20;
export const OVERLAP = 16 * 1024;

interface CompiledDetector {
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
  /** For number-shaped patterns (see withinDigitRun): where a match may start, and a sticky copy. */
  readonly digitRun?: DigitRunStarts & { readonly sticky: RegExp };
}

interface CompiledAnchor {
  readonly ids: readonly number[];
  readonly sticky: RegExp;
  /** ASCII table of the characters a match may start before its keyword, and how far back. */
  readonly back?: WalkBack;
}

/** Candidates of one scan, and the lowest detector order that reported each exact span ("start:length"). */
interface Collected {
  readonly candidates: Candidate[];
  readonly orderOf: Map<string, number>;
}

interface Compiled {
  readonly detectors: readonly CompiledDetector[];
  readonly index: KeywordIndex;
}

export function createDetectorEngine(options: DetectorEngineOptions = {}): DetectorEngine {
  return createEngineFor(selectDetectors(ALL_DETECTORS, options));
}

/** Engine over an explicit detector list (tests, evaluation); no default/category filtering. */
export function createEngineFor(detectors: readonly Detector[]): DetectorEngine {
  const minRun = Math.min(...detectors.map((d) => digitRunOf(d.pattern)?.minDigits ?? Number.POSITIVE_INFINITY));
  const index = createKeywordIndex(
    detectors.flatMap((d) => d.keywords),
    minRun,
  );
  const position = new Map(index.keywords.map((k, i) => [k, i]));
  const compiled: Compiled = {
    index,
    detectors: detectors.map((detector, order) => compile(detector, order, position)),
  };
  return { detectors, scan: (text) => resolveOverlaps(collect(compiled, text)) };
}

export function selectDetectors(all: readonly Detector[], options: DetectorEngineOptions): Detector[] {
  const enable = new Set(options.enable ?? []);
  const disable = new Set(options.disable ?? []);
  const categories = options.categories ? new Set(options.categories) : null;
  return all.filter(
    (d) =>
      (d.defaultEnabled || enable.has(d.id)) &&
      !disable.has(d.id) &&
      (categories === null || categories.has(d.category)),
  );
}

function compile(detector: Detector, order: number, position: ReadonlyMap<string, number>): CompiledDetector {
  const group = detector.group ?? 0;
  let flags = detector.pattern.flags.replace("d", "");
  if (!flags.includes("g")) flags += "g";
  const keywordIds = detector.keywords.map((k) => position.get(k) ?? -1);
  const pattern = new RegExp(detector.pattern.source, flags);
  const indices = group > 0 ? new RegExp(detector.pattern.source, `${flags}dy`) : undefined;
  const compiled = indices
    ? { detector, order, group, keywordIds, pattern, indices }
    : { detector, order, group, keywordIds, pattern };
  const run = digitRunOf(detector.pattern);
  if (run !== undefined) {
    const { minDigits, first, notAfter } = run;
    const starts = { minDigits, first: asciiTable(first), notAfter: asciiTable(notAfter) };
    return { ...compiled, digitRun: { ...starts, sticky: new RegExp(detector.pattern.source, `${flags}y`) } };
  }
  const anchor = anchorOf(detector.pattern);
  const prefixes = anchor?.prefixes.map((p) => p.toLowerCase());
  if (!anchor || !prefixes?.every((p) => detector.keywords.includes(p))) return compiled;
  const ids = prefixes.map((p) => position.get(p) ?? -1);
  const sticky = new RegExp(detector.pattern.source, `${flags}y`);
  const back = anchor.back && { table: asciiTable(anchor.back.chars), max: anchor.back.max };
  return { ...compiled, anchor: back ? { ids, sticky, back } : { ids, sticky } };
}

function asciiTable(chars: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = chars.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

function collect(compiled: Compiled, text: string): Candidate[] {
  const out: Collected = { candidates: [], orderOf: new Map() };
  if (text.length <= WINDOW + OVERLAP) {
    scanWindow(compiled, text, 0, out);
    return out.candidates;
  }
  for (let from = 0; from < text.length; from += WINDOW) {
    scanWindow(compiled, text.slice(from, from + WINDOW + OVERLAP), from, out);
  }
  return out.candidates;
}

function scanWindow(compiled: Compiled, text: string, offset: number, out: Collected): void {
  // One case-folding pass finds every keyword present; a detector runs only if one of its keywords is there.
  const hits = compiled.index.find(text);
  for (const c of compiled.detectors) {
    if (!passesPrefilter(c.keywordIds, hits)) continue;
    const onMatch = (m: RegExpExecArray) => accept(c, m, text, offset, out);
    const starts = c.anchor ? anchorStarts(c.anchor.ids, hits) : undefined;
    if (c.anchor && starts) runAtKeywords(c.anchor.sticky, starts, c.anchor.back, text, onMatch);
    else if (c.digitRun) runInDigitRuns(c.digitRun.sticky, c.digitRun, hits.digitRuns, text, onMatch);
    else runPattern(c.pattern, text, onMatch);
  }
}

function passesPrefilter(keywordIds: readonly number[], hits: KeywordHits): boolean {
  if (keywordIds.length === 0) return true;
  for (const id of keywordIds) if ((hits.counts[id] ?? 0) > 0) return true;
  return false;
}

/** Sorted occurrences of the anchor keywords, or undefined when one is too frequent (then a full pass is cheaper). */
function anchorStarts(ids: readonly number[], hits: KeywordHits): number[] | undefined {
  const starts: number[] = [];
  for (const id of ids) {
    const positions = hits.positions(id);
    if (positions === undefined) return undefined;
    starts.push(...positions);
  }
  return ids.length > 1 ? starts.sort((a, b) => a - b) : starts;
}

function runPattern(pattern: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else onMatch(m);
  }
}

/**
 * Validates and records one match. A span some detector listed earlier (or this one) already reported is not
 * validated again: resolveOverlaps would drop it whatever happens to the first, since an identical span sorts after
 * it and is dropped with it or by it. Measured on the secret-dense bench documents: generic-api-key validated ~80
 * values per document at ~4 µs each, most of them the very span a provider detector had just reported.
 */
function accept(c: CompiledDetector, m: RegExpExecArray, text: string, offset: number, out: Collected): void {
  const { group, detector } = c;
  const value = m[group];
  if (value === undefined || value.length === 0) return;
  const start = offset + (group === 0 ? m.index : groupStart(c.indices, m.index, group, text));
  const key = `${start}:${value.length}`;
  const earlier = out.orderOf.get(key);
  if (earlier !== undefined && earlier <= c.order) return;
  if (detector.validate && !detector.validate(value)) return;
  out.orderOf.set(key, c.order);
  out.candidates.push({
    detector: detector.id,
    category: detector.category,
    start,
    end: start + value.length,
    order: c.order,
  });
}

/** The same attempt at the same position gives the same match, so the `d` copy re-finds it with its offsets. */
function groupStart(indices: RegExp | undefined, at: number, group: number, text: string): number {
  if (!indices) return at;
  indices.lastIndex = at;
  return indices.exec(text)?.indices?.[group]?.[0] ?? at;
}

let secretsEngine: DetectorEngine | undefined;

/** Convenience for the scanner and callers outside the gateway: default-enabled secret detectors only. */
export function findSecrets(text: string): Span[] {
  secretsEngine ??= createDetectorEngine({ categories: ["secret"] });
  return secretsEngine.scan(text);
}
