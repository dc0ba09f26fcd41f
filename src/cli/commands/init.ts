// `mcp-warden init`: writes a commented starter warden.yaml (deny by default, audit on); never overwrites a file.
import { open } from "node:fs/promises";
import type { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { resolvePolicyFile } from "../../policy/load.ts";
import { EXIT } from "../exit-codes.ts";
import { writeErr } from "../output.ts";
import type { CommandResult } from "./index.ts";

/** The starter policy. It loads as-is once WARDEN_AUDIT_KEY is set (a test checks it). Reference: docs/policy.md. */
export const STARTER_POLICY = `# mcp-warden policy (version 1). Every key: docs/policy.md
# Secrets never go in this file: write \${env:VAR} and set VAR in the gateway's environment.
version: 1

# Bound into tokens, sessions and audit events; a token issued for another environment is refused.
environment: development

# The servers behind the gateway. With \`mcp-warden gateway -- <command>\` the command after -- is the upstream
# (named "default") and this map may stay empty.
upstreams: {}
#  staging-db:
#    command: node
#    args: [examples/staging-db/dist/server.js]
#    env: { DATABASE_URL: "\${env:STAGING_DB_READONLY_URL}" }   # the child gets only this env (+ PATH/HOME/LANG)
#  docs:
#    url: https://docs.internal/mcp
#    headers: { Authorization: "Bearer \${env:DOCS_TOKEN}" }

defaults:
  tools: deny          # a tool not listed under \`tools\` is hidden from tools/list and refused
  methods: deny        # a method the MCP spec does not define is refused
  max_request_bytes: 1048576
  max_response_bytes: 262144
  on_oversize: truncate
  redact: [secrets, pii]
  confirm: writes      # tools that are not read-only need human confirmation

# Allowed tools, as upstream/tool (a bare tool name when there is one upstream).
tools: {}
#  staging-db/lookup_user_by_email:
#    scopes: [users:read]
#    args: { email: { maxLength: 254, format: email } }
#    response: { fields: [id, status] }
#  staging-db/run_sql: { allow: false }

rate_limits:
  - { tool: "*", per: principal, limit: 60/min }

audit:
  enabled: true
  file: ./audit/warden.jsonl     # relative to this file; verify with: mcp-warden audit verify audit/warden.jsonl
  hmac_key: "\${env:WARDEN_AUDIT_KEY}"   # e.g. export WARDEN_AUDIT_KEY=$(openssl rand -hex 32)
  fail_closed: true              # a call that cannot be audited is refused

pins:
  lockfile: warden.lock          # approve tool definitions with: mcp-warden pin
  on_drift: quarantine
`;

async function writeStarter(file: string): Promise<void> {
  try {
    // "wx": create only; an existing policy is never replaced (O_EXCL, also against a symlink planted at the path).
    const fd = await open(file, "wx", 0o644);
    try {
      await fd.writeFile(STARTER_POLICY, "utf8");
    } finally {
      await fd.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`${file} already exists; not overwriting it`);
    throw new UsageError(`${file}: cannot write (${code ?? "error"})`);
  }
}

export function register(program: Command, result: CommandResult): void {
  program
    .command("init")
    .description("write a commented starter policy (deny by default, audit on); never overwrites")
    .option("--policy <file>", "where to write it (default ./warden.yaml, or $WARDEN_POLICY)")
    .action(async (opts: { policy?: string }) => {
      const file = resolvePolicyFile(opts.policy);
      await writeStarter(file);
      writeErr(`wrote ${file}. Next: export WARDEN_AUDIT_KEY=$(openssl rand -hex 32), then list your tools.`);
      result.code = EXIT.OK;
    });
}
