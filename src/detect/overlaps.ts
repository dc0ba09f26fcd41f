// Overlap resolution for the engine: longest span wins, then the earliest, then the detector listed first.
import type { Span } from "./types.ts";

/** A span plus the detector's position in the engine's list (the last tie-breaker). */
export interface Candidate extends Span {
  readonly order: number;
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
