import { createEngineFor } from "./src/detect/engine.ts";
import { cleanCorpus } from "./src/detect/fixtures/clean-corpus.ts";
import { ALL_DETECTORS } from "./src/detect/registry.ts";
const text = cleanCorpus().map((d) => d.text).join("\n").slice(0, 512 * 1024);
const rows: [number, string][] = [];
for (const d of ALL_DETECTORS) {
  const e = createEngineFor([d]);
  e.scan(text);
  const t = performance.now();
  for (let i = 0; i < 3; i++) e.scan(text);
  rows.push([(performance.now() - t) / 3, d.id]);
}
rows.sort((a, b) => b[0] - a[0]);
console.log(rows.slice(0, 25).map(([t, id]) => `${t.toFixed(2)} ${id}`).join("\n"));
console.log("total", rows.reduce((a, r) => a + r[0], 0).toFixed(1), "ms for", text.length);
const lower = performance.now(); for (let i = 0; i < 10; i++) text.toLowerCase(); console.log("lower", ((performance.now() - lower) / 10).toFixed(2));
