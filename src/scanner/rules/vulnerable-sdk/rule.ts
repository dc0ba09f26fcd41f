// vulnerable-sdk: lockfiles resolving @modelcontextprotocol/sdk to a version with a published security advisory.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { lineIndex } from "../../parsers/line-index.ts";
import type { Finding } from "../../types.ts";
import { defineRepoRule } from "../define-rule.ts";
import { compareVersions, LOCKFILES, sdkVersions } from "./sdk-versions.ts";

/** Fixed-in versions and what the releases before them are exposed to (SDK security advisories). */
export const SDK_ADVISORIES: { fixed: string; issue: string }[] = [
  { fixed: "1.24.0", issue: "DNS rebinding: local HTTP servers had no Host/Origin validation by default" },
  { fixed: "1.25.2", issue: "ReDoS in URI template matching" },
  { fixed: "1.26.0", issue: "cross-client data leak when a server or transport instance is shared" },
];

const MAX_LOCKFILE_BYTES = 50 * 1024 * 1024;

export const vulnerableSdk = defineRepoRule({
  meta: {
    id: "vulnerable-sdk",
    severity: "high",
    title: "MCP SDK version with a known advisory",
    description:
      "A lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, bun.lock) resolves `@modelcontextprotocol/sdk` below 1.24.0 (DNS rebinding), 1.25.2 (ReDoS) or 1.26.0 (cross-client data leak).",
    rationale:
      "Servers and clients built on these versions carry the advisory's weakness into every deployment (CWE-1395: dependency on a vulnerable component).",
    fix: "Update to `@modelcontextprotocol/sdk` 1.26.0 or later (`npm install @modelcontextprotocol/sdk@^1.26.0`) and regenerate the lockfile.",
    cwe: "CWE-1395",
  },
  async check(ctx) {
    const out: Finding[] = [];
    for (const root of ctx.roots) {
      for (const rel of root.files.filter((f) => LOCKFILES.includes(f.split("/").pop() ?? ""))) {
        const text = await readFile(join(root.root, rel), "utf8").catch(() => "");
        if (text.length > MAX_LOCKFILE_BYTES) continue;
        const lines = lineIndex(text);
        for (const { version, offset } of sdkVersions(rel, text)) {
          const open = SDK_ADVISORIES.filter((a) => compareVersions(version, a.fixed) < 0).map((a) => a.issue);
          if (open.length === 0) continue;
          const { line, column } = lines.position(offset);
          const file = root.display ? `${root.display}/${rel}` : rel;
          const message = `@modelcontextprotocol/sdk ${version} is affected by: ${open.join("; ")}`;
          out.push({ rule: "vulnerable-sdk", severity: "high", file, line, column, location: "", message });
        }
      }
    }
    return out;
  },
});
