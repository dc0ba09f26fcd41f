// Robustness over the real-world client-config corpus (../shared/corpus/client-configs): every file parses or
// yields a parse-error finding, nothing throws, and the findings per rule are printed for review.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { clientById } from "../../src/scanner/discovery/clients.ts";
import { CONFIG_RULES } from "../../src/scanner/rules/catalogue.ts";
import { scanConfigText } from "../../src/scanner/scan-config.ts";
import { defaultSecretFinder } from "../../src/scanner/secret-finder.ts";
import type { ClientId } from "../../src/scanner/types.ts";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/client-configs");

test("every corpus file scans without crashing", (t) => {
  if (!existsSync(CORPUS)) {
    const msg = `SKIPPED LOUDLY: corpus not found at ${CORPUS}`;
    if (process.env.CI === "true") assert.fail(msg);
    console.error(`\n*** ${msg} ***\n`);
    t.skip(msg);
    return;
  }
  const detectSecrets = defaultSecretFinder();
  const perRule = new Map<string, number>();
  let files = 0;
  let servers = 0;
  for (const dir of readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const client = dir.name as ClientId;
    assert.ok(clientById(client), `corpus folder ${dir.name} names a known client`);
    for (const name of readdirSync(join(CORPUS, dir.name))) {
      const text = readFileSync(join(CORPUS, dir.name, name), "utf8");
      const result = scanConfigText(`${dir.name}/${name}`, text, client, {
        rules: CONFIG_RULES,
        policy: undefined,
        detectSecrets,
      });
      files++;
      const parsed = result.context !== undefined;
      const parseErrors = result.findings.filter((f) => f.rule === "parse-error");
      assert.ok(parsed || parseErrors.length > 0, `${dir.name}/${name}: neither parsed nor reported as parse-error`);
      servers += result.context?.servers.length ?? 0;
      for (const f of result.findings) {
        perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
        assert.ok(f.line >= 1 && f.column >= 1, `${f.file}: position ${f.line}:${f.column}`);
      }
    }
  }
  const table = [...perRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `  ${rule.padEnd(22)} ${n}`);
  console.log(`corpus: ${files} files, ${servers} servers\nfindings per rule:\n${table.join("\n")}`);
  assert.ok(files >= 200, `expected the corpus to hold at least 200 files, found ${files}`);
  assert.ok(servers > 100, "servers were extracted");
});
