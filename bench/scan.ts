// Scanner benchmark: generates a 20,000-file repository (sources plus MCP configs in many packages) in a temp
// folder, times `scan` over it (target < 2 s on the 2-core reference machine), then removes it.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scan } from "../src/scanner/scan.ts";

const FILES = 20_000;
const PER_PACKAGE = 100;
const TARGET_MS = 2000;

async function generate(root: string): Promise<number> {
  let written = 0;
  const packages = FILES / PER_PACKAGE;
  for (let p = 0; p < packages; p++) {
    const dir = join(root, "packages", `pkg-${p}`, "src");
    await mkdir(dir, { recursive: true });
    const writes: Promise<void>[] = [];
    const configs = p % 10 === 0 ? 2 : 0;
    for (let i = 0; i < PER_PACKAGE - configs; i++) {
      writes.push(writeFile(join(dir, `file-${i}.ts`), `export const v${i} = ${i};\n`));
    }
    if (configs) {
      await mkdir(join(root, "packages", `pkg-${p}`, ".cursor"), { recursive: true });
      const cfg = {
        mcpServers: {
          fs: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "."] },
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a client's literal reference syntax, not a template
          gh: { command: "gh-mcp", env: { GITHUB_TOKEN: "${env:GITHUB_TOKEN}" } },
        },
      };
      writes.push(writeFile(join(root, "packages", `pkg-${p}`, ".cursor", "mcp.json"), JSON.stringify(cfg, null, 2)));
      writes.push(writeFile(join(root, "packages", `pkg-${p}`, ".mcp.json"), JSON.stringify(cfg, null, 2)));
    }
    await Promise.all(writes);
    written += PER_PACKAGE;
  }
  return written;
}

export async function runScanBench(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "warden-scan-bench-"));
  try {
    const files = await generate(root);
    await scan({ paths: [join(root, "packages", "pkg-1")] }); // warm-up: module and detector initialisation
    const start = performance.now();
    const result = await scan({ paths: [root] });
    const ms = performance.now() - start;
    const verdict = ms < TARGET_MS ? "meets" : "MISSES";
    return [
      "## scan: 20,000-file repository",
      "",
      "| files | config files | servers | findings | time | target |",
      "|---:|---:|---:|---:|---:|---|",
      `| ${files} | ${result.files} | ${result.servers} | ${result.findings.length} | ${ms.toFixed(0)} ms | < ${TARGET_MS} ms (${verdict}) |`,
      "",
    ].join("\n");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runScanBench());
}
