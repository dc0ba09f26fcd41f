// Overlap resolution keeps the longest span, then the earliest, then the detector listed first, whichever way the
// candidates are sorted by start (packed numeric keys, or the comparator past their range) and cut into clusters.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Candidate, resolveOverlaps } from "./overlaps.ts";
import type { Span } from "./types.ts";

/** The definition: a comparator sort, then each candidate kept unless it overlaps one kept before. */
function naive(candidates: readonly Candidate[]): Span[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order,
  );
  const kept: Span[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push({ detector: c.detector, category: c.category, start: c.start, end: c.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}

function randomCandidates(seed: number, count: number, maxStart: number): Candidate[] {
  let x = seed;
  const next = (m: number) => {
    x = (x * 1103515245 + 12345) >>> 0;
    return (x >>> 8) % m;
  };
  return Array.from({ length: count }, () => {
    const start = next(maxStart);
    const order = next(8);
    return { detector: `d${order}`, category: "secret", start, end: start + 1 + next(12), order };
  });
}

describe("resolveOverlaps", () => {
  it("matches the definition on random candidates, identical spans included", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const small = randomCandidates(seed, 5 + seed * 3, 60);
      assert.deepEqual(resolveOverlaps([...small]), naive(small), `seed ${seed}`);
    }
  });

  it("matches it past the packed range (far starts, long spans, many candidates)", () => {
    const far = randomCandidates(3, 50, 100).map((c) => ({ ...c, start: c.start + 2 ** 37, end: c.end + 2 ** 37 }));
    const long = [
      ...randomCandidates(4, 50, 100),
      { detector: "d1", category: "secret", start: 5, end: 70_005, order: 1 },
    ];
    const many = randomCandidates(5, 5000, 20_000);
    for (const set of [far, long as Candidate[], many]) assert.deepEqual(resolveOverlaps([...set]), naive(set));
  });
});
