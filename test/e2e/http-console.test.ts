// The approval console behind the HTTP front: served under /warden/approvals only to authenticated principals with
// the approver scope, with strict security headers; everyone else is refused before the page is built.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { createApprovalStore } from "../../src/approvals/approval-store.ts";
import { consoleHandler } from "../../src/approvals/console-handler.ts";
import { policySchema } from "../../src/policy/schema.ts";
import { createMemoryStore } from "../../src/store/memory-store.ts";
import { type Harness, POLICY, raw, startHarness } from "./http-harness.ts";

let h: Harness;

before(async () => {
  const policy = policySchema.parse(POLICY);
  const approvalConsole = consoleHandler({
    approvals: createApprovalStore(createMemoryStore()),
    policy,
    csrfKey: randomBytes(32),
  });
  h = await startHarness({ approvalConsole });
});

after(() => h.front.close());

const consoleUrl = () => h.front.url.replace(/\/mcp$/, "/warden/approvals");

test("an approver gets the console page with strict security headers", async () => {
  const token = await h.tokens.issue({ sub: "approver-1", scopes: ["warden:approve"] });
  const res = await raw(consoleUrl(), { method: "GET", headers: { authorization: `Bearer ${token.token}` } });
  assert.equal(res.status, 200);
  assert.match(String(res.headers["content-security-policy"]), /frame-ancestors 'none'/);
  assert.match(res.body, /<form|No call is waiting|pending/i);
});

test("without a token the console is a 401; without the approver scope a 403", async () => {
  assert.equal((await raw(consoleUrl(), { method: "GET" })).status, 401);
  const token = await h.tokens.issue({ sub: "caller-1", scopes: [] });
  const res = await raw(consoleUrl(), { method: "GET", headers: { authorization: `Bearer ${token.token}` } });
  assert.equal(res.status, 403);
});
