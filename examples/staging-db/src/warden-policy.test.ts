// examples/staging-db/warden.yaml parses with the policy schema and says what the reference server needs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadPolicy } from "../../../src/policy/load.ts";
import { policySchema } from "../../../src/policy/schema.ts";

const file = new URL("../warden.yaml", import.meta.url);

describe("examples/staging-db/warden.yaml", () => {
  const policy = policySchema.parse(parse(readFileSync(file, "utf8")));

  it("allowlists the five tools with scopes and denies a raw-SQL tool", () => {
    assert.equal(policy.defaults.tools, "deny");
    for (const tool of ["lookup_user_by_email", "get_order", "list_orders_for_user", "search_docs", "create_ticket"]) {
      const entry = policy.tools[`staging-db/${tool}`];
      assert.ok(entry?.allow, tool);
      assert.ok((entry?.scopes.length ?? 0) > 0, tool);
    }
    assert.equal(policy.tools["staging-db/run_sql"]?.allow, false);
  });

  it("projects lookups, constrains the email, confirms tickets by elicitation, keys the audit from env", () => {
    const lookup = policy.tools["staging-db/lookup_user_by_email"];
    assert.deepEqual(lookup?.response?.fields, ["id", "status"]);
    assert.deepEqual(lookup?.args.email, { format: "email", maxLength: 254 });
    assert.equal(policy.tools["staging-db/create_ticket"]?.confirm, "elicit");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the policy's literal ${env:VAR} reference syntax
    assert.equal(policy.audit.hmac_key, "${env:WARDEN_AUDIT_KEY}");
    const upstream = policy.upstreams["staging-db"];
    assert.ok(upstream !== undefined && "command" in upstream);
    // Relative to the policy file's directory (examples/staging-db/).
    assert.deepEqual(upstream.args, ["dist/server.js"]);
  });

  it("loads through the policy loader (interpolation, literal-secret and consistency checks)", async () => {
    const loaded = await loadPolicy(fileURLToPath(file), { WARDEN_AUDIT_KEY: "fake-audit-key-for-tests-0123456789" });
    assert.equal(loaded.policy.environment, "staging");
  });
});
