// One generic test runs every rule's fixtures; a contract test keeps catalogue, docs/rules and fixtures in step.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { scan } from "../scan.ts";
import type { ScanPolicy } from "../types.ts";
import { RULES } from "./catalogue.ts";
import { ruleDoc } from "./rule-doc.ts";

const RULES_DIR = import.meta.dirname;
const DOCS_DIR = join(RULES_DIR, "..", "..", "..", "docs", "rules");

interface Expected {
  rule: string;
  file: string;
  line: number;
  location: string;
}

function fixturesOf(id: string): string[] {
  const dir = join(RULES_DIR, id, "fixtures");
  return existsSync(dir) ? readdirSync(dir).filter((d) => /^(valid|invalid)-/.test(d)) : [];
}

const scratch = mkdtempSync(join(tmpdir(), "warden-rule-fixtures-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Copies a fixture to a scratch folder, renaming `dot.env*` to `.env*`: the repository's .gitignore keeps real
 * .env files out of git, so the fixtures store them under another name.
 */
function materialize(dir: string, name: string): string {
  const target = join(scratch, `${name}-${readdirSync(scratch).length}`);
  cpSync(dir, target, { recursive: true });
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) visit(join(d, e.name));
      else if (e.name.startsWith("dot.env")) renameSync(join(d, e.name), join(d, e.name.slice(3)));
    }
  };
  visit(target);
  return target;
}

async function findingsIn(dir: string, rule: string) {
  const policyFile = join(dir, "policy.json");
  const policy = existsSync(policyFile) ? (JSON.parse(readFileSync(policyFile, "utf8")) as ScanPolicy) : undefined;
  const result = await scan({ paths: [dir], policy });
  return result.findings.filter((f) => f.rule === rule);
}

for (const rule of RULES) {
  describe(`rule ${rule.meta.id}`, () => {
    for (const name of fixturesOf(rule.meta.id)) {
      const source = join(RULES_DIR, rule.meta.id, "fixtures", name);
      test(name, async () => {
        const dir = materialize(source, name);
        const found = await findingsIn(dir, rule.meta.id);
        const actual = found.map((f) => ({
          rule: f.rule,
          file: f.file.slice(dir.length + 1),
          line: f.line,
          location: f.location,
        }));
        if (name.startsWith("valid-")) {
          assert.deepEqual(actual, [], `${name} must produce no ${rule.meta.id} finding`);
          return;
        }
        const expected = JSON.parse(readFileSync(join(source, "expected.json"), "utf8")) as Expected[];
        const key = (e: Expected) => `${e.file}:${e.line}:${e.location}`;
        assert.deepEqual(actual.map(key).sort(), expected.map(key).sort());
      });
    }
  });
}

describe("rule catalogue contract", () => {
  test("ids are unique kebab-case", () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });
  test("every rule has valid-* and invalid-* fixtures (parse-error's valid fixture included)", () => {
    for (const rule of RULES) {
      const names = fixturesOf(rule.meta.id);
      assert.ok(
        names.some((n) => n.startsWith("valid-")),
        `${rule.meta.id} has no valid-* fixture`,
      );
      assert.ok(
        names.some((n) => n.startsWith("invalid-")),
        `${rule.meta.id} has no invalid-* fixture`,
      );
      for (const n of names.filter((x) => x.startsWith("invalid-"))) {
        assert.ok(
          existsSync(join(RULES_DIR, rule.meta.id, "fixtures", n, "expected.json")),
          `${rule.meta.id}/${n} lacks expected.json`,
        );
      }
    }
  });
  test("docs/rules/<id>.md is generated from the metadata and up to date", () => {
    for (const rule of RULES) {
      const file = join(DOCS_DIR, `${rule.meta.id}.md`);
      assert.ok(existsSync(file), `missing ${file}: run node --import tsx scripts/gen-rule-docs.ts`);
      assert.equal(readFileSync(file, "utf8"), ruleDoc(rule.meta), `${file} is stale: regenerate it`);
    }
    const documented = readdirSync(DOCS_DIR)
      .filter((f) => f.endsWith(".md"))
      .map((f) => f.slice(0, -3));
    assert.deepEqual(
      documented.sort(),
      RULES.map((r) => r.meta.id).sort(),
      "docs/rules has no page for an unknown rule",
    );
  });
  test("the DESIGN.md rule ids are all present", () => {
    const contract =
      "literal-secret unpinned-package unpinned-image risky-docker-flags insecure-url shell-wrapper not-allowlisted cross-env-credential auto-approve dotenv-exposed ignore-file-gaps no-codeowners vulnerable-sdk parse-error";
    for (const id of contract.split(" "))
      assert.ok(
        RULES.some((r) => r.meta.id === id),
        id,
      );
  });
});
