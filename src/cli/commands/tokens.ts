// `mcp-warden tokens issue|list|revoke|keygen`: short-lived scoped warden tokens (DESIGN.md "CLI", issue 5).
// `issue` prints only the token on stdout so it can be captured; nothing else ever prints a token.
import Table from "cli-table3";
import type { Command } from "commander";
import { generateSigningKeyPem } from "../../auth/signing-key.ts";
import { createTokenRegistry, type TokenRecord } from "../../auth/token-registry.ts";
import { wardenTokensFromPolicy } from "../../auth/warden-tokens-from-policy.ts";
import { ConfigError, UsageError } from "../../errors.ts";
import { durationMs } from "../../policy/duration.ts";
import { EXIT } from "../exit-codes.ts";
import { writeErr, writeOut } from "../output.ts";
import { withPolicyStore } from "../with-policy-store.ts";
import type { CommandResult } from "./index.ts";

interface IssueOptions {
  policy?: string;
  sub: string;
  scope: string[];
  ttl?: string;
  allowLongTtl?: boolean;
}

export function register(program: Command, result: CommandResult): void {
  const tokens = program.command("tokens").description("issue, list and revoke short-lived scoped warden tokens");
  tokens
    .command("issue")
    .description("issue a token and print it (stdout: the token only)")
    .requiredOption("--sub <sub>", "subject: who the token is for")
    .option("--scope <scope>", "a scope (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--ttl <duration>", "lifetime such as 30m or 8h (default auth.warden_tokens.default_ttl)")
    .option("--allow-long-ttl", "allow a lifetime above auth.warden_tokens.max_ttl")
    .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
    .action(async (opts: IssueOptions) => {
      result.code = await issue(opts);
    });
  tokens
    .command("list")
    .description("list live tokens (never their values)")
    .option("--all", "include revoked tokens")
    .option("--format <format>", "text or json", "text")
    .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
    .action(async (opts: { policy?: string; all?: boolean; format: string }) => {
      result.code = await list(opts);
    });
  tokens
    .command("revoke")
    .description("revoke one token (--jti) or every live token of a subject (--sub)")
    .option("--jti <id>", "token id, as shown by tokens list")
    .option("--sub <sub>", "subject whose existing tokens are all revoked (offboarding)")
    .option("--policy <file>", "policy file (default ./warden.yaml, or $WARDEN_POLICY)")
    .action(async (opts: { policy?: string; jti?: string; sub?: string }) => {
      result.code = await revoke(opts);
    });
  tokens
    .command("keygen")
    .description("print a new Ed25519 signing key (PKCS#8 PEM) for auth.warden_tokens.signing_key")
    .action(() => {
      writeOut(generateSigningKeyPem());
    });
}

async function issue(opts: IssueOptions): Promise<number> {
  const ttlMs = opts.ttl === undefined ? undefined : parseTtl(opts.ttl);
  return withPolicyStore(opts.policy, async (loaded, store) => {
    const tokens = wardenTokensFromPolicy(loaded.policy, store);
    if (!tokens) {
      throw new ConfigError("ERR_CONFIG_INVALID", "the policy has no auth.warden_tokens section", {
        file: loaded.file,
        key: "auth.warden_tokens",
      });
    }
    const { token, record } = await tokens.issue({
      sub: opts.sub,
      scopes: opts.scope,
      ttlMs,
      allowLongTtl: opts.allowLongTtl,
    });
    writeOut(token);
    writeErr(`issued ${record.jti} for ${record.sub} (${record.env}), expires ${iso(record.exp)}`);
    return EXIT.OK;
  });
}

async function list(opts: { policy?: string; all?: boolean; format: string }): Promise<number> {
  if (opts.format !== "text" && opts.format !== "json") throw new UsageError("--format must be text or json");
  return withPolicyStore(opts.policy, async (_loaded, store) => {
    const records = (await createTokenRegistry(store).list()).filter((r) => opts.all || r.revoked_at === undefined);
    if (opts.format === "json") writeOut(JSON.stringify({ version: 1, tokens: records }, null, 2));
    else writeOut(records.length === 0 ? "no live tokens" : table(records));
    return EXIT.OK;
  });
}

async function revoke(opts: { policy?: string; jti?: string; sub?: string }): Promise<number> {
  if ((opts.jti === undefined) === (opts.sub === undefined)) throw new UsageError("give exactly one of --jti or --sub");
  return withPolicyStore(opts.policy, async (_loaded, store) => {
    const registry = createTokenRegistry(store);
    const count =
      opts.jti !== undefined ? Number(await registry.revokeJti(opts.jti)) : await registry.revokeSub(opts.sub ?? "");
    const what = opts.jti !== undefined ? `jti ${opts.jti}` : `sub ${opts.sub}`;
    if (count === 0) {
      writeErr(`no live, unrevoked token for ${what}`);
      return EXIT.FAILURE;
    }
    writeOut(`revoked ${count} token(s) for ${what}`);
    return EXIT.OK;
  });
}

function parseTtl(text: string): number {
  try {
    return durationMs(text);
  } catch {
    throw new UsageError(`--ttl ${JSON.stringify(text)} is not a duration such as 30m, 8h or 7d`);
  }
}

function iso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function table(records: TokenRecord[]): string {
  const t = new Table({ head: ["jti", "sub", "scopes", "env", "expires", "status"], style: { head: [], border: [] } });
  for (const r of records) {
    t.push([r.jti, r.sub, r.scopes.join(" "), r.env, iso(r.exp), r.revoked_at === undefined ? "live" : "revoked"]);
  }
  return t.toString();
}
