import { createDetectorEngine } from "./src/detect/engine.ts";
import { createKeywordIndex } from "./src/detect/keyword-index.ts";
import { cleanCorpus } from "./src/detect/fixtures/clean-corpus.ts";
import { ALL_DETECTORS } from "./src/detect/registry.ts";
const cpu = (f: () => void, n = 50) => { const c = process.cpuUsage(); for (let i = 0; i < n; i++) f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1000 / n; };
const e = createDetectorEngine();
const idx = createKeywordIndex(e.detectors.flatMap((d) => d.keywords));
for (const doc of cleanCorpus()) {
  const text = doc.text.slice(0, 65536);
  const found = idx.find(text);
  const runs = e.detectors.filter((d) => d.keywords.length === 0 || d.keywords.some((k) => found[idx.keywords.indexOf(k)])).map((d) => d.id);
  console.log(doc.name, "engine", cpu(() => e.scan(text)).toFixed(3), "index", cpu(() => idx.find(text)).toFixed(3), runs.join(","));
}
