// temp profiler (deleted before report)
import { createEngineFor, createDetectorEngine } from "../src/detect/engine.ts";
import { createKeywordIndex } from "../src/detect/keyword-index.ts";
import { cleanCorpus } from "../src/detect/fixtures/clean-corpus.ts";
import { unmark } from "../src/detect/fixtures/fixture.ts";
import { ALL_FIXTURES } from "../src/detect/fixtures/index.ts";
import { SECRET_DETECTORS } from "../src/detect/registry.ts";
const DOC = 64 * 1024;
function docs(source: string): string[] { const long = source.repeat(Math.ceil(DOC * 9 / source.length)); const out=[]; let p=0; for (let i=0;i<8;i++){const e=long.lastIndexOf("\n",p+DOC); out.push(long.slice(p,e)); p=e+1;} return out; }
const clean = cleanCorpus().map((d) => d.text);
const lines = clean.join("\n").split("\n");
const secrets = ALL_FIXTURES.filter((f) => SECRET_DETECTORS.some((d) => d.id === f.detector)).flatMap((f) => f.positives.map((p) => unmark(p).text));
const dense: string[] = [];
for (let i = 0; i < lines.length; i++) { dense.push(lines[i] ?? ""); if (i % 4 === 3) dense.push(secrets[(i >> 2) % secrets.length] ?? ""); }
const sets = { clean: docs(clean.join("\n")), dense: docs(dense.join("\n")) };
function cpu(f: () => void, reps = 5): number { const t: number[] = []; for (let r = 0; r < reps; r++) { const s = process.cpuUsage(); f(); const u = process.cpuUsage(s); t.push((u.user + u.system) / 1000); } t.sort((a,b)=>a-b); return t[reps>>1]!; }
const all = createDetectorEngine();
for (const [k, ds] of Object.entries(sets)) {
  const tot = cpu(() => { for (const d of ds) all.scan(d); });
  const idx = createKeywordIndex(all.detectors.flatMap((d) => d.keywords));
  const kw = cpu(() => { for (const d of ds) idx.find(d); });
  console.log(`${k}: total ${tot.toFixed(1)}ms (${(ds.length*DOC/1e6/(tot/1000)).toFixed(1)} MB/s) keywords ${kw.toFixed(1)}ms`);
  const per: [string, number][] = [];
  for (const d of all.detectors) { const e = createEngineFor([d]); const t = cpu(() => { for (const x of ds) e.scan(x); }, 3); per.push([d.id, t]); }
  per.sort((a, b) => b[1] - a[1]);
  console.log(per.slice(0, 15).map(([i, t]) => `  ${i} ${t.toFixed(1)}`).join("\n"));
}
