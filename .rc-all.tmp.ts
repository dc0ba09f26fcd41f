import { check } from "recheck";
import { ALL_DETECTORS } from "/work/main/src/detect/registry.ts";
const t0 = Date.now();
for (const d of ALL_DETECTORS) {
  const t = Date.now();
  const r = await check(d.pattern.source, d.pattern.flags, { timeout: 20000 });
  console.log(d.id, r.status, r.status === "vulnerable" ? (r as any).complexity?.summary : "", (r as any).error?.kind ?? "", Date.now() - t);
}
console.log("total", Date.now() - t0);
