// Prepares a demo run: a private temp directory holding a copy of examples/staging-db/warden.yaml with absolute paths
// (server, lockfile) and the audit log and state store redirected into the temp directory, so the demo never writes
// into the package. The audit key is random and lives only in this process's memory (demo only).
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

export const PACKAGE_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const EXAMPLE_DIR = join(PACKAGE_ROOT, "examples/staging-db");

export interface DemoSetup {
  dir: string;
  policyFile: string;
  auditFile: string;
  env: Record<string, string>;
  database: "embedded" | "postgres";
}

export async function prepareDemo(parentEnv: NodeJS.ProcessEnv): Promise<DemoSetup> {
  const dir = mkdtempSync(join(tmpdir(), "mcp-warden-demo-"));
  const auditFile = join(dir, "audit/warden.jsonl");
  const doc = parseDocument(await readFile(join(EXAMPLE_DIR, "warden.yaml"), "utf8"));
  doc.setIn(["upstreams", "staging-db", "command"], process.execPath);
  doc.setIn(["upstreams", "staging-db", "args"], [join(EXAMPLE_DIR, "dist/server.js")]);
  doc.setIn(["audit", "file"], auditFile);
  doc.setIn(["pins", "lockfile"], join(EXAMPLE_DIR, "warden.lock"));
  doc.setIn(["store", "path"], join(dir, ".warden"));
  // The server masks its own results too (defence in depth); off here so the demo shows the gateway's redaction.
  doc.setIn(["upstreams", "staging-db", "env", "STAGING_DB_REDACT"], "off");
  const database = parentEnv.DATABASE_URL ? "postgres" : "embedded";
  if (database === "postgres") {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy env reference, not a template literal.
    doc.setIn(["upstreams", "staging-db", "env", "DATABASE_URL"], "${env:DATABASE_URL}");
    if (parentEnv.TICKETS_DATABASE_URL) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy env reference, not a template literal.
      doc.setIn(["upstreams", "staging-db", "env", "TICKETS_DATABASE_URL"], "${env:TICKETS_DATABASE_URL}");
    }
  }
  const policyFile = join(dir, "warden.yaml");
  writeFileSync(policyFile, doc.toString());
  const env: Record<string, string> = {
    PATH: parentEnv.PATH ?? "",
    HOME: parentEnv.HOME ?? dir,
    WARDEN_LOG_LEVEL: "error",
    // Demo-only audit key: random per run, never printed.
    WARDEN_AUDIT_KEY: randomBytes(32).toString("hex"),
  };
  if (parentEnv.DATABASE_URL) env.DATABASE_URL = parentEnv.DATABASE_URL;
  if (parentEnv.TICKETS_DATABASE_URL) env.TICKETS_DATABASE_URL = parentEnv.TICKETS_DATABASE_URL;
  return { dir, policyFile, auditFile, env, database };
}
