// `npm run bench`: runs every benchmark and writes bench/RESULTS.md. Each section reports ratios measured in this one
// run (against the direct connection, or against a peer tool), never absolute targets: the machines are shared.
// Pass section names to run only some: `npm run bench -- gateway detect`.
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { runDetectBench } from "./detect.ts";
import { runGatewayBench } from "./gateway.ts";
import { runHttpBench } from "./http.ts";
import { runScanBench } from "./scan.ts";

const SECTIONS: Record<string, () => Promise<string>> = {
  gateway: runGatewayBench,
  http: runHttpBench,
  detect: runDetectBench,
  scan: runScanBench,
};

const wanted = process.argv.slice(2).filter((a) => a in SECTIONS);
const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
const parts: string[] = [];
for (const name of names) {
  process.stderr.write(`bench: ${name}…\n`);
  parts.push(await SECTIONS[name]!());
}
const header = [
  "# Benchmark results",
  "",
  `Produced by \`npm run bench${wanted.length > 0 ? ` -- ${wanted.join(" ")}` : ""}\` on ${new Date().toISOString().slice(0, 10)}, ` +
    `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), load average ${loadavg()[0]?.toFixed(1)} at the end.`,
  "Shared, noisy machines: read the ratios, not the absolute figures.",
  "",
].join("\n");
const text = `${header}\n${parts.join("\n\n")}\n`;
writeFileSync(join(import.meta.dirname, "RESULTS.md"), text);
process.stdout.write(text);
