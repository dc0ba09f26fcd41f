// `mcp-warden gateway`: the enforcement point. stdio front by default; `--listen HOST:PORT` for Streamable HTTP.
import type { Command } from "commander";
import { gatewayApprover } from "../../approvals/gateway-approver.ts";
import { UsageError } from "../../errors.ts";
import { runHttpGateway } from "../../gateway/http-gateway.ts";
import { createLogger } from "../../gateway/logger.ts";
import { openAuditRecorder } from "../../gateway/open-audit.ts";
import { selectUpstream } from "../../gateway/select-upstream.ts";
import { runStdioGateway } from "../../gateway/stdio-gateway.ts";
import { loadPolicy, resolvePolicyFile } from "../../policy/load.ts";
import { createLockSource } from "../../policy/lock-source.ts";
import { lockfilePath } from "../../policy/lockfile.ts";
import { isStdioUpstream } from "../../policy/schema.ts";
import type { CommandResult } from "./index.ts";

interface GatewayOptions {
  policy?: string;
  upstream?: string;
  listen?: string;
}

export function register(program: Command, result: CommandResult): void {
  program
    .command("gateway")
    .description("run the enforcement gateway between an MCP client and an MCP server")
    .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
    .option("--upstream <name>", "upstream to serve (default: the command after --, or the policy's only upstream)")
    .option(
      "--listen <host:port>",
      "serve Streamable HTTP on HOST:PORT instead of stdio (TLS/mTLS and auth from the policy)",
    )
    .argument("[command...]", "server command and arguments, after --")
    .passThroughOptions()
    .addHelpText(
      "after",
      "\nExample:\n  mcp-warden gateway --policy warden.yaml -- npx -y @modelcontextprotocol/server-everything@2026.8.31\n",
    )
    .action(async (command: string[], opts: GatewayOptions) => {
      result.code = await runGateway(command, opts);
    });
}

async function runGateway(command: string[], opts: GatewayOptions): Promise<number> {
  const loaded = await loadPolicy(resolvePolicyFile(opts.policy));
  const { name, config } = selectUpstream(loaded.policy, opts.upstream, command);
  if (opts.listen === undefined && !isStdioUpstream(config)) {
    throw new UsageError(`upstream "${name}" is a remote (url) upstream; the stdio front serves stdio upstreams`);
  }
  const logger = createLogger();
  const audit = await openAuditRecorder(loaded, name);
  // A command given after -- runs where the client started us; a policy upstream runs relative to the policy file.
  const baseDir = command.length > 0 ? process.cwd() : loaded.dir;
  const lock = createLockSource(lockfilePath(loaded.policy, loaded.dir));
  const approvals = gatewayApprover(loaded, logger);
  const common = { upstreamName: name, upstream: config, baseDir, audit, logger, lock, approver: approvals.approver };
  try {
    if (opts.listen !== undefined) return await runHttpGateway({ ...common, loaded, listen: opts.listen });
    if (!isStdioUpstream(config)) throw new UsageError(`upstream "${name}" is not a stdio upstream`);
    logger.info({ upstream: name, environment: loaded.policy.environment }, "gateway started (stdio)");
    return await runStdioGateway({ ...common, policy: loaded.policy, upstream: config });
  } finally {
    await approvals.close();
  }
}
