// `mcp-warden approvals list|approve ID|deny ID`: out-of-band confirmation of `console`-mode calls (issue 6). The CLI
// and the gateway share the policy's store; the approver is `--as NAME` (default: the OS user).
import { userInfo } from "node:os";
import Table from "cli-table3";
import type { Command } from "commander";
import type { ApprovalRequest } from "../../approvals/approval-record.ts";
import { createApprovalStore } from "../../approvals/approval-store.ts";
import { decideApproval } from "../../approvals/decide-approval.ts";
import { UsageError } from "../../errors.ts";
import { EXIT } from "../exit-codes.ts";
import { writeErr, writeOut } from "../output.ts";
import { withPolicyStore } from "../with-policy-store.ts";
import type { CommandResult } from "./index.ts";

interface DecideOptions {
  policy?: string;
  as?: string;
}

export function register(program: Command, result: CommandResult): void {
  const approvals = program
    .command("approvals")
    .description("approve or deny calls waiting for out-of-band confirmation");
  approvals
    .command("list")
    .description("list pending calls: id, tool, server, caller, masked arguments, age")
    .option("--format <format>", "text or json", "text")
    .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
    .action(async (opts: { policy?: string; format: string }) => {
      result.code = await list(opts);
    });
  for (const [name, approve] of [
    ["approve", true],
    ["deny", false],
  ] as const) {
    approvals
      .command(name)
      .description(`${name} one pending call (single use; bound to its caller, tool and exact arguments)`)
      .argument("<id>", "approval id, as shown by approvals list")
      .option("--as <name>", "approver identity (default: the OS user)")
      .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
      .action(async (id: string, opts: DecideOptions) => {
        result.code = await decide(id, approve, opts);
      });
  }
}

async function list(opts: { policy?: string; format: string }): Promise<number> {
  if (opts.format !== "text" && opts.format !== "json") throw new UsageError("--format must be text or json");
  return withPolicyStore(opts.policy, async (_loaded, store) => {
    const pending = await createApprovalStore(store).listPending();
    if (opts.format === "json") writeOut(JSON.stringify({ version: 1, pending }, null, 2));
    else writeOut(pending.length === 0 ? "no pending approvals" : table(pending, Date.now()));
    return EXIT.OK;
  });
}

async function decide(id: string, approve: boolean, opts: DecideOptions): Promise<number> {
  const by = opts.as ?? osUser();
  if (by.trim() === "") throw new UsageError("--as must not be empty");
  return withPolicyStore(opts.policy, async (loaded, store) => {
    const outcome = await decideApproval(createApprovalStore(store), {
      id,
      approve,
      by,
      selfApproval: loaded.policy.approvals.self_approval,
    });
    if (!outcome.ok) {
      writeErr(`mcp-warden: ${outcome.message}`);
      return EXIT.FAILURE;
    }
    const d = outcome.decision;
    writeOut(`${d.decision} ${d.id}: ${d.upstream}/${d.tool} for ${d.principal.sub} (by ${d.by})`);
    return EXIT.OK;
  });
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "local";
  }
}

function table(pending: ApprovalRequest[], now: number): string {
  const t = new Table({
    head: ["id", "tool", "server", "caller", "arguments (masked)", "age"],
    style: { head: [], border: [] },
  });
  for (const p of pending) {
    t.push([p.id, p.tool, p.upstream, `${p.principal.sub} (${p.principal.iss})`, p.masked_args, age(now - p.created)]);
  }
  return t.toString();
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s}s` : `${Math.round(s / 60)}m`;
}
