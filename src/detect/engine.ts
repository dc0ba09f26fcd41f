// The scanning engine: one case-folding keyword pass per window, the detectors it admits, overlap resolution.
import { createKeywordIndex, type KeywordIndex } from "./keyword-index.ts";
import { ALL_DETECTORS } from "./registry.ts";
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
  /** A private copy (engines never share lastIndex); with the `d` flag when a capture group is reported. */
  readonly pattern: RegExp;
  readonly group: number;
  /** Indexes into the engine's KeywordIndex; empty means "always run". */
  readonly keywordIds: readonly number[];
}

interface Compiled {
  readonly detectors: readonly CompiledDetector[];
  readonly index: KeywordIndex;
}

interface Candidate extends Span {
  readonly order: number;
}

export function createDetectorEngine(options: DetectorEngineOptions = {}): DetectorEngine {
  return createEngineFor(selectDetectors(ALL_DETECTORS, options));
}

/** Engine over an explicit detector list (tests, evaluation); no default/category filtering. */
export function createEngineFor(detectors: readonly Detector[]): DetectorEngine {
  const index = createKeywordIndex(detectors.flatMap((d) => d.keywords));
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
  let flags = detector.pattern.flags;
  if (!flags.includes("g")) flags += "g";
  if (group > 0 && !flags.includes("d")) flags += "d";
  const keywordIds = detector.keywords.map((k) => position.get(k) ?? -1);
  return { detector, order, group, keywordIds, pattern: new RegExp(detector.pattern.source, flags) };
}

function collect(compiled: Compiled, text: string): Candidate[] {
  const out: Candidate[] = [];
  if (text.length <= WINDOW + OVERLAP) {
    scanWindow(compiled, text, 0, out);
    return out;
  }
  for (let from = 0; from < text.length; from += WINDOW) {
    scanWindow(compiled, text.slice(from, from + WINDOW + OVERLAP), from, out);
  }
  return out;
}

function scanWindow(compiled: Compiled, text: string, offset: number, out: Candidate[]): void {
  // One case-folding pass finds every keyword present; a detector runs only if one of its keywords is there.
  const found = compiled.index.find(text);
  for (const c of compiled.detectors) {
    if (!passesPrefilter(c.keywordIds, found)) continue;
    runPattern(c, text, offset, out);
  }
}

function passesPrefilter(keywordIds: readonly number[], found: Uint8Array): boolean {
  if (keywordIds.length === 0) return true;
  for (const id of keywordIds) if (found[id] === 1) return true;
  return false;
}

function runPattern(c: CompiledDetector, text: string, offset: number, out: Candidate[]): void {
  const { pattern, group, detector } = c;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const value = m[group];
    if (value === undefined || value.length === 0) continue;
    if (detector.validate && !detector.validate(value)) continue;
    const start = group === 0 ? m.index : (m.indices?.[group]?.[0] ?? m.index);
    out.push({
      detector: detector.id,
      category: detector.category,
      start: offset + start,
      end: offset + start + value.length,
      order: c.order,
    });
  }
}

/** Longest span wins; then the earliest; then the detector listed first. Result sorted by start, no overlaps. */
export function resolveOverlaps(candidates: Candidate[]): Span[] {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: Span[] = [];
  for (const c of candidates) {
    const i = insertionPoint(kept, c.start);
    const before = kept[i - 1];
    const after = kept[i];
    if (before !== undefined && before.end > c.start) continue;
    if (after !== undefined && after.start < c.end) continue;
    kept.splice(i, 0, { detector: c.detector, category: c.category, start: c.start, end: c.end });
  }
  return kept;
}

/** Index of the first kept span whose start is ≥ `start` (kept is sorted by start). */
function insertionPoint(kept: readonly Span[], start: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((kept[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let secretsEngine: DetectorEngine | undefined;

/** Convenience for the scanner and callers outside the gateway: default-enabled secret detectors only. */
export function findSecrets(text: string): Span[] {
  secretsEngine ??= createDetectorEngine({ categories: ["secret"] });
  return secretsEngine.scan(text);
}
