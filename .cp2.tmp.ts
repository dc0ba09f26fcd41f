import { createDetectorEngine } from "./src/detect/engine.ts";
import { cleanCorpus } from "./src/detect/fixtures/clean-corpus.ts";
import { ALL_FIXTURES } from "./src/detect/fixtures/index.ts";
import { unmark } from "./src/detect/fixtures/fixture.ts";
import { SECRET_DETECTORS } from "./src/detect/registry.ts";
const cleanLines = cleanCorpus().map((d) => d.text).join("\n").split("\n");
const secrets = ALL_FIXTURES.filter((f) => SECRET_DETECTORS.some((d) => d.id === f.detector)).flatMap((f) => f.positives.map((p) => unmark(p).text));
const dense: string[] = [];
for (let i = 0; i < cleanLines.length; i++) { dense.push(cleanLines[i]!); if (i % 4 === 3) dense.push(secrets[(i >> 2) % secrets.length]!); }
const all = dense.join("\n");
const docs = [0, 1, 2, 3].map((k) => all.slice(k * 65536, (k + 1) * 65536));
const e = createDetectorEngine({ categories: ["secret"] });
let n = 0;
for (let r = 0; r < 150; r++) for (const d of docs) n += e.scan(d).length;
console.log(n);
