// Prints precision and recall per detector over the fixture corpus (positives, near misses, clean corpus).
// Usage: npm run eval:detect
import { createEngineFor } from "../src/detect/engine.ts";
import { cleanCorpus } from "../src/detect/fixtures/clean-corpus.ts";
import { unmark } from "../src/detect/fixtures/fixture.ts";
import { ALL_FIXTURES } from "../src/detect/fixtures/index.ts";
import { ALL_DETECTORS } from "../src/detect/registry.ts";
import type { Detector } from "../src/detect/types.ts";

interface Score {
  readonly id: string;
  readonly category: string;
  tp: number;
  fp: number;
  fn: number;
}

const clean = cleanCorpus();

function score(detector: Detector): Score {
  const s: Score = { id: detector.id, category: detector.category, tp: 0, fp: 0, fn: 0 };
  const engine = createEngineFor([detector]);
  const fixture = ALL_FIXTURES.find((f) => f.detector === detector.id);
  for (const marked of fixture?.positives ?? []) {
    const { text, spans } = unmark(marked);
    const found = engine.scan(text);
    const hit = (start: number, end: number) => found.some((f) => f.start === start && f.end === end);
    for (const [start, end] of spans) hit(start, end) ? s.tp++ : s.fn++;
    s.fp += found.filter((f) => !spans.some(([a, b]) => a === f.start && b === f.end)).length;
  }
  for (const text of fixture?.negatives ?? []) s.fp += engine.scan(text).length;
  // The clean corpus counts against default-enabled detectors only (IP addresses are expected there).
  if (detector.defaultEnabled) for (const doc of clean) s.fp += engine.scan(doc.text).length;
  return s;
}

const ratio = (num: number, den: number): string => (den === 0 ? "  n/a" : (num / den).toFixed(3));

function main(): void {
  const scores = ALL_DETECTORS.map(score);
  const width = Math.max(...scores.map((s) => s.id.length));
  console.log(`${"detector".padEnd(width)}  category  tp  fp  fn  precision  recall`);
  for (const s of scores) {
    console.log(
      `${s.id.padEnd(width)}  ${s.category.padEnd(8)}  ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${ratio(s.tp, s.tp + s.fp).padStart(9)}  ${ratio(s.tp, s.tp + s.fn).padStart(6)}`,
    );
  }
  const tp = scores.reduce((n, s) => n + s.tp, 0);
  const fp = scores.reduce((n, s) => n + s.fp, 0);
  const fn = scores.reduce((n, s) => n + s.fn, 0);
  const negatives = ALL_FIXTURES.reduce((n, f) => n + f.negatives.length, 0);
  console.log(
    `\n${scores.length} detectors, ${tp + fn} marked values, ${negatives} near misses, ${clean.length} clean documents`,
  );
  console.log(`overall precision ${ratio(tp, tp + fp)}  recall ${ratio(tp, tp + fn)}`);
}

main();
