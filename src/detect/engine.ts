// The scanning engine: one prefilter pass per window (keywords, character runs), the detectors it admits, overlaps.

import { accept, type Collected } from "./accept.ts";
import { type AsciiBytes, asciiBytes } from "./ascii-bytes.ts";
import { charRuns } from "./char-runs.ts";
import { type CompiledAnchor, type CompiledDetector, compile, type RunClass } from "./compile.ts";
import {
  createKeywordIndex,
  type KeywordHits,
  type KeywordIndex,
  MAX_POSITIONS,
  positionLimit,
} from "./keyword-index.ts";
import { CLASSES_PER_PASS, memberBits, pairMembership, SLOTS_PER_GROUP } from "./member-bits.ts";
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

interface Compiled {
  readonly detectors: readonly CompiledDetector[];
  readonly index: KeywordIndex;
  readonly runClasses: readonly RunClass[];
  /** pairMembership of each group of CLASSES_PER_PASS run classes (class i is in group i / CLASSES_PER_PASS). */
  readonly membership: readonly Uint16Array[];
}

export function createDetectorEngine(options: DetectorEngineOptions = {}): DetectorEngine {
  return createEngineFor(selectDetectors(ALL_DETECTORS, options));
}

/** Engine over an explicit detector list (tests, evaluation); no default/category filtering. */
export function createEngineFor(detectors: readonly Detector[]): DetectorEngine {
  const keywords = [...new Set(detectors.flatMap((d) => d.keywords))];
  const position = new Map(keywords.map((k, i) => [k, i]));
  const runClasses: RunClass[] = [];
  const compiledDetectors = detectors.map((detector, order) => compile(detector, order, position, runClasses));
  const membership: Uint16Array[] = [];
  for (let c = 0; c < runClasses.length; c += CLASSES_PER_PASS) {
    membership.push(pairMembership(runClasses.slice(c, c + CLASSES_PER_PASS).map((r) => r.table)));
  }
  // The keyword pass also builds the first class group's bitmaps (see createKeywordIndex).
  const index = createKeywordIndex(keywords, membership[0]);
  const compiled: Compiled = { index, runClasses, membership, detectors: compiledDetectors };
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
  const runs: WindowRuns = { ascii, n: text.length, runs: [], bits: [hits.bits] };
  // One callback per window, not per detector: where a transpiler keeps function names (tsx, which runs the tests
  // and benchmarks, wraps each created closure in a defineProperty call), ~100 closures per scan measured ~2% of a
  // secret-dense scan.
  let current = compiled.detectors[0] as CompiledDetector;
  const onMatch = (m: RegExpExecArray) => accept(current, m, text, offset, out);
  for (const c of compiled.detectors) {
    if (!passesPrefilter(c.keywordIds, hits)) continue;
    current = c;
    const starts = c.anchor ? anchorStarts(c.anchor, hits, text.length) : undefined;
    if (c.anchor && starts) runAtKeywords(c.anchor.sticky, starts, c.anchor, text, onMatch);
    else if (c.run) runInRuns(c.run.sticky, c.run, classRuns(compiled, c.run.runClass, runs), text, onMatch);
    else runPattern(c.pattern, text, onMatch);
  }
}

/** A window's runs of each class and membership bitmaps of each class group, found when a detector first needs them. */
interface WindowRuns {
  readonly ascii: AsciiBytes;
  readonly n: number;
  readonly runs: Array<number[] | undefined>;
  readonly bits: Array<readonly Int32Array[] | undefined>;
}

function classRuns(compiled: Compiled, runClass: number, window: WindowRuns): number[] {
  const known = window.runs[runClass];
  if (known) return known;
  const { ascii, n } = window;
  const group = Math.floor(runClass / CLASSES_PER_PASS);
  let bits = window.bits[group];
  if (!bits) {
    bits = memberBits(ascii.quads, n, compiled.membership[group] as Uint16Array, group * SLOTS_PER_GROUP);
    window.bits[group] = bits;
  }
  const cls = compiled.runClasses[runClass] as RunClass;
  const slot = runClass % CLASSES_PER_PASS;
  const members = bits[slot] as Int32Array;
  // Counted characters as a bitmap: class 0's when the keyword pass built it, a class's members when it counts all.
  const counted = cls.countsAll ? members : slot === 0 ? bits[2] : undefined;
  const found = charRuns(members, counted, ascii.bytes, n, cls.table, cls.min);
  window.runs[runClass] = found;
  return found;
}

function passesPrefilter(keywordIds: readonly number[], hits: KeywordHits): boolean {
  if (keywordIds.length === 0) return true;
  for (const id of keywordIds) if ((hits.counts[id] ?? 0) > 0) return true;
  return false;
}

/** Reused across scans (scanning is synchronous): an anchor's merged occurrences, valid until the next call. */
let merged = new Int32Array(1024);

/**
 * Sorted occurrences of the anchor keywords, or undefined when they are too many (then a full pass is cheaper). A
 * sticky attempt costs ~0.1–0.3 µs, a full-text pass ~1 ns per character: without a guard, past one occurrence per
 * 256 characters (at least MAX_POSITIONS) the pass wins; a guard rejects most occurrences in ~20 ns, so a guarded
 * anchor keeps every occurrence the index kept (one per 16 characters).
 */
function anchorStarts(anchor: CompiledAnchor, hits: KeywordHits, length: number): ArrayLike<number> | undefined {
  const limit = anchor.guard ? positionLimit(length) : Math.max(MAX_POSITIONS, length >> 8);
  let total = 0;
  for (const id of anchor.ids) total += hits.counts[id] ?? 0;
  if (total > limit) return undefined;
  // Often one keyword of several occurs (762 "api" and no other generic-api-key anchor in the gateway's log-lines
  // result): its list is already sorted, so no copy and no sort.
  let only: readonly number[] | undefined;
  let lists = 0;
  for (const id of anchor.ids) {
    if ((hits.counts[id] ?? 0) === 0) continue;
    only = hits.positions(id);
    lists++;
  }
  if (lists <= 1) return only ?? [];
  // Several lists: merged into a typed array, whose sort is numeric and native. A comparator sort of an array cost
  // ~12–18 µs for generic-api-key's ~270 occurrences in a secret-dense bench document, this ~2–3 µs.
  if (merged.length < total) merged = new Int32Array(total + (total >> 1));
  let count = 0;
  for (const id of anchor.ids) {
    const list = hits.positions(id) ?? [];
    for (let i = 0; i < list.length; i++) merged[count++] = list[i] as number;
  }
  return merged.subarray(0, count).sort();
}

function runPattern(pattern: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else onMatch(m);
  }
}

let secretsEngine: DetectorEngine | undefined;

/** Convenience for the scanner and callers outside the gateway: default-enabled secret detectors only. */
export function findSecrets(text: string): Span[] {
  secretsEngine ??= createDetectorEngine({ categories: ["secret"] });
  return secretsEngine.scan(text);
}
