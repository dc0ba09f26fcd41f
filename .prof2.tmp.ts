import { createDetectorEngine } from "./src/detect/engine.ts";
import { cleanCorpus } from "./src/detect/fixtures/clean-corpus.ts";
import { ALL_DETECTORS } from "./src/detect/registry.ts";
const text = cleanCorpus().map((d) => d.text).join("\n").slice(0, 64 * 1024);
const cpu = (f: () => void, n = 50) => { const c = process.cpuUsage(); for (let i = 0; i < n; i++) f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1000 / n; };
const e = createDetectorEngine();
console.log("engine ms/64KiB", cpu(() => e.scan(text)).toFixed(2));
console.log("lower", cpu(() => text.toLowerCase()).toFixed(3));
const lower = text.toLowerCase();
const kws = ALL_DETECTORS.flatMap((d) => d.keywords);
console.log("includes x", kws.length, cpu(() => { for (const k of kws) lower.includes(k); }).toFixed(3));
const rows: [number, string, boolean][] = [];
for (const d of ALL_DETECTORS) {
  const re = new RegExp(d.pattern.source, d.pattern.flags);
  const hit = d.keywords.length === 0 || d.keywords.some((k) => lower.includes(k));
  rows.push([cpu(() => { re.lastIndex = 0; while (re.exec(text)); }, 20), d.id, hit]);
}
rows.sort((a, b) => b[0] - a[0]);
console.log(rows.slice(0, 30).map(([t, id, h]) => `${t.toFixed(3)} ${id} ${h ? "RUNS" : "skipped"}`).join("\n"));
