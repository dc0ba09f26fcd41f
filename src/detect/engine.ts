// The scanning engine: one prefilter pass per window (keywords, character runs), the detectors it admits, overlaps.
import { asciiBytes } from "./ascii-bytes.ts";
import { charRuns } from "./char-runs.ts";
import { type CompiledAnchor, type CompiledDetector, compile, type RunClass } from "./compile.ts";
import {
  createKeywordIndex,
  type KeywordHits,
  type KeywordIndex,
  MAX_POSITIONS,
  positionLimit,
} from "./keyword-index.ts";
import { type Candidate, resolveOverlaps } from "./overlaps.ts";
import { ALL_DETECTORS } from "./registry.ts";
import { runAtKeywords, runInRuns } from "./sticky-runs.ts";
import type { Detector, DetectorEngine, DetectorEngineOptions, Span } from "./types.ts";

/**
 * Texts longer than WINDOW are scanned in windows of WINDOW chars that overlap by OVERLAP chars. Every detector
 * pattern bounds its match length well below OVERLAP (the longest, a PEM block, is ≤ 12 KiB), so a secret that
 * straddles a window boundary is still seen whole in the window where it starts. Windows bound the slices the engine
 * copies, and each regex attempt is bounded, so scanning stays linear in the text length.
 */
export const WINDOW = 1 << 20;
export const OVERLAP = 16 * 1024;

/** Candidates of one scan, and the lowest detector order that reported each exact span ("start:length"). */
interface Collected {
  readonly candidates: Candidate[];
  readonly orderOf: Map<string, number>;
}

interface Compiled {
  readonly detectors: readonly CompiledDetector[];
  readonly index: KeywordIndex;
  readonly runClasses: readonly RunClass[];
}

export function createDetectorEngine(options: DetectorEngineOptions = {}): DetectorEngine {
  return createEngineFor(selectDetectors(ALL_DETECTORS, options));
}

/** Engine over an explicit detector list (tests, evaluation); no default/category filtering. */
export function createEngineFor(detectors: readonly Detector[]): DetectorEngine {
  const index = createKeywordIndex(detectors.flatMap((d) => d.keywords));
  const position = new Map(index.keywords.map((k, i) => [k, i]));
  const runClasses: RunClass[] = [];
  const compiled: Compiled = {
    index,
    runClasses,
    detectors: detectors.map((detector, order) => compile(detector, order, position, runClasses)),
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
  const ascii = asciiBytes(text);
  const hits = compiled.index.find(text, ascii);
  // Runs of each class, found when a detector first needs them.
  const runs: Array<number[] | undefined> = [];
  for (const c of compiled.detectors) {
    if (!passesPrefilter(c.keywordIds, hits)) continue;
    const onMatch = (m: RegExpExecArray) => accept(c, m, text, offset, out);
    const starts = c.anchor ? anchorStarts(c.anchor, hits, text.length) : undefined;
    if (c.anchor && starts) runAtKeywords(c.anchor.sticky, starts, c.anchor, text, onMatch);
    else if (c.run) {
      const { runClass } = c.run;
      const cls = compiled.runClasses[runClass] as RunClass;
      runs[runClass] ??= charRuns(ascii.bytes, text.length, cls.table, cls.min);
      runInRuns(c.run.sticky, c.run, runs[runClass], text, onMatch);
    } else runPattern(c.pattern, text, onMatch);
  }
}

function passesPrefilter(keywordIds: readonly number[], hits: KeywordHits): boolean {
  if (keywordIds.length === 0) return true;
  for (const id of keywordIds) if ((hits.counts[id] ?? 0) > 0) return true;
  return false;
}

/**
 * Sorted occurrences of the anchor keywords, or undefined when they are too many (then a full pass is cheaper). A
 * sticky attempt costs ~0.1–0.3 µs, a full-text pass ~1 ns per character: without a guard, past one occurrence per
 * 256 characters (at least MAX_POSITIONS) the pass wins; a guard rejects most occurrences in ~20 ns, so a guarded
 * anchor keeps every occurrence the index kept (one per 16 characters).
 */
function anchorStarts(anchor: CompiledAnchor, hits: KeywordHits, length: number): readonly number[] | undefined {
  const limit = anchor.guard ? positionLimit(length) : Math.max(MAX_POSITIONS, length >> 8);
  let total = 0;
  for (const id of anchor.ids) total += hits.counts[id] ?? 0;
  if (total > limit) return undefined;
  if (anchor.ids.length === 1) return hits.positions(anchor.ids[0] ?? -1);
  const starts: number[] = [];
  for (const id of anchor.ids) starts.push(...(hits.positions(id) ?? []));
  return starts.sort((a, b) => a - b);
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
