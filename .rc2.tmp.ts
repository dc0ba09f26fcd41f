import { check } from "recheck";
import { ALL_DETECTORS } from "./src/detect/registry.ts";
const ids = process.argv.slice(2);
for (const d of ALL_DETECTORS.filter((d) => ids.length === 0 || ids.includes(d.id))) {
  const t = Date.now();
  const r: any = await check(d.pattern.source, d.pattern.flags, { timeout: 20000, checker: "automaton", maxRepeatCount: 100000, maxNFASize: 100000000, maxPatternSize: 100000000 });
  console.log(d.id, r.status, r.checker, r.complexity?.summary ?? "", r.error?.kind ?? "", Date.now() - t);
}
