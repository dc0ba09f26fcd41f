// Writes docs/rules/<id>.md for every scanner rule from its metadata. Run: node --import tsx scripts/gen-rule-docs.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RULES } from "../src/scanner/rules/catalogue.ts";
import { ruleDoc } from "../src/scanner/rules/rule-doc.ts";

export async function genRuleDocs(dir = join(import.meta.dirname, "..", "docs", "rules")): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const rule of RULES) {
    const file = join(dir, `${rule.meta.id}.md`);
    await writeFile(file, ruleDoc(rule.meta));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await genRuleDocs();
  console.log(`wrote ${files.length} rule docs`);
}
