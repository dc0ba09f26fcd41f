// `scan --fix` on a real git repository: secrets move to .env.local (0600, git-ignored), the JSONC keeps its
// comments, a backup is written, the committed secret is flagged for rotation, and a second run changes nothing.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { applyFixes } from "../../src/scanner/fix/apply-fixes.ts";
import { gitCliProbe } from "../../src/scanner/git-cli.ts";
import { scan } from "../../src/scanner/scan.ts";

// fake fixture values: not real credentials
const TOKEN = "FAKEtok3nNotReal0123456789abcdef";
const BEARER = "FAKEbearerNotReal9876543210zyxw";
const CONFIG = `{
  // team servers (comment must survive --fix)
  "mcpServers": {
    "github": {
      "command": "github-mcp-server",
      "env": { "GITHUB_TOKEN": "${TOKEN}" },
    },
    "docs": { "url": "https://docs.example.com/mcp", "headers": { "Authorization": "Bearer ${BEARER}" } },
  },
}
`;

const repo = mkdtempSync(join(tmpdir(), "warden-fix-"));
after(() => rmSync(repo, { recursive: true, force: true }));

function git(...args: string[]) {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });
}

test("--fix moves secrets, keeps comments, backs up, asks to rotate committed secrets, and is idempotent", async () => {
  mkdirSync(join(repo, ".cursor"));
  const file = join(repo, ".cursor", "mcp.json");
  writeFileSync(file, CONFIG);
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "fake fixture");
  const probe = gitCliProbe();
  const first = await scan({ paths: [repo], git: probe });
  assert.equal(first.findings.filter((f) => f.rule === "literal-secret").length, 2);
  const report = await applyFixes(first.findings, probe);
  const fixed = readFileSync(file, "utf8");
  assert.ok(fixed.includes("// team servers (comment must survive --fix)"));
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a client's literal reference syntax, not a template
  assert.ok(fixed.includes('"GITHUB_TOKEN": "${env:GITHUB_TOKEN}"'), fixed);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a client's literal reference syntax, not a template
  assert.ok(fixed.includes('"Authorization": "Bearer ${env:DOCS_AUTHORIZATION}"'), fixed);
  assert.ok(!fixed.includes(TOKEN) && !fixed.includes(BEARER));
  const envLocal = join(repo, ".env.local");
  assert.equal(statSync(envLocal).mode & 0o777, 0o600);
  assert.match(readFileSync(envLocal, "utf8"), new RegExp(`GITHUB_TOKEN=${TOKEN}`));
  assert.match(readFileSync(join(repo, ".gitignore"), "utf8"), /^\.env\.local$/m);
  assert.equal(readFileSync(`${file}.warden-bak`, "utf8"), CONFIG, "the backup holds the original bytes");
  assert.ok(
    report.some((l) => l.includes("rotate it")),
    report.join("\n"),
  );
  assert.ok(
    report.every((l) => !l.includes(TOKEN) && !l.includes(BEARER)),
    "the report masks secrets",
  );

  const envBefore = readFileSync(envLocal, "utf8");
  const second = await scan({ paths: [repo], git: probe });
  assert.equal(second.findings.filter((f) => f.rule === "literal-secret").length, 0);
  const again = await applyFixes(second.findings, probe);
  assert.deepEqual(again, ["--fix: no literal secret to move"]);
  assert.equal(readFileSync(file, "utf8"), fixed);
  assert.equal(readFileSync(envLocal, "utf8"), envBefore);
});

test("--fix reports instead of fixing when the client cannot reference environment variables", async () => {
  const dir = join(repo, "desktop");
  mkdirSync(dir);
  const file = join(dir, "claude_desktop_config.json");
  const text = `{ "mcpServers": { "gh": { "command": "gh-mcp", "env": { "GITHUB_TOKEN": "${TOKEN}" } } } }\n`;
  writeFileSync(file, text);
  const found = await scan({ paths: [dir] });
  const report = await applyFixes(found.findings, undefined);
  assert.ok(report.some((l) => l.startsWith("not fixed:") && l.includes("cannot reference environment variables")));
  assert.equal(readFileSync(file, "utf8"), text);
  assert.ok(!existsSync(join(dir, ".env.local")));
});
