// Tests for `mcp-warden init`: the starter policy loads with loadPolicy, and an existing file is never overwritten.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { loadPolicy } from "../../policy/load.ts";
import { register, STARTER_POLICY } from "./init.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-init-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<number> {
  const program = new Command().exitOverride();
  const result = { code: 0 };
  register(program, result);
  await program.parseAsync(args, { from: "user" });
  return result.code;
}

test("writes a starter policy that loads when WARDEN_AUDIT_KEY is set", async () => {
  const file = join(dir, "warden.yaml");
  assert.equal(await run(["init", "--policy", file]), 0);
  assert.equal(readFileSync(file, "utf8"), STARTER_POLICY);
  const { policy } = await loadPolicy(file, { WARDEN_AUDIT_KEY: "fake-EXAMPLE-key" });
  assert.equal(policy.defaults.tools, "deny");
  assert.equal(policy.defaults.methods, "deny");
  assert.equal(policy.audit.enabled, true);
  assert.equal(policy.audit.hmac_key, "fake-EXAMPLE-key");
  await assert.rejects(loadPolicy(file, {}), { code: "ERR_CONFIG_MISSING_ENV", message: /WARDEN_AUDIT_KEY/ });
});

test("refuses to overwrite an existing file", async () => {
  const file = join(dir, "existing.yaml");
  writeFileSync(file, "mine\n");
  await assert.rejects(run(["init", "--policy", file]), UsageError);
  assert.equal(readFileSync(file, "utf8"), "mine\n");
});
