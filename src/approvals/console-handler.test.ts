// The approval console over real HTTP (node:http on loopback) with a real store and the real waiting approver:
// scope and CSRF checks, strict headers, escaping of untrusted names, approve/deny and self-approval refusal.
// The principal comes from test headers here; in the gateway the HTTP front authenticates and passes it.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { testContext, testPolicy, testSession } from "../guards/test-context.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import type { ApprovalRequest } from "./approval-record.ts";
import { createApprovalStore } from "./approval-store.ts";
import { CONSOLE_PATH, consoleHandler, csrfToken } from "./console-handler.ts";
import { storeApprover } from "./store-approver.ts";

const store = createMemoryStore();
const csrfKey = randomBytes(32);
const policy = testPolicy();
const handler = consoleHandler({ approvals: createApprovalStore(store), policy, csrfKey });
let server: Server;
let base = "";

before(async () => {
  server = createServer((req, res) => {
    const sub = String(req.headers["x-test-sub"] ?? "alice");
    const scopes = String(req.headers["x-test-scopes"] ?? "warden:approve").split(" ");
    handler(req, res, { sub, iss: "test", scopes });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

function waitingCall(name: string, args: Record<string, unknown>, sub = "agent-bob") {
  let onPending: (r: ApprovalRequest) => void = () => undefined;
  const pending = new Promise<ApprovalRequest>((r) => {
    onPending = r;
  });
  const ctx = testContext({
    session: testSession({ principal: { sub, iss: "test" } }),
    message: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } },
  });
  const outcome = storeApprover({ store: async () => store, minPollMs: 5, maxPollMs: 20, onPending })(
    ctx,
    "console",
    10_000,
  );
  return { pending, outcome };
}

function post(
  id: string,
  decision: string,
  sub = "alice",
  csrf = csrfToken(csrfKey, { sub, iss: "test", scopes: [] }),
) {
  return fetch(`${base}${CONSOLE_PATH}/decide`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-test-sub": sub },
    body: new URLSearchParams({ id, decision, csrf }).toString(),
  });
}

test("the page sends strict security headers and escapes untrusted names and arguments", async () => {
  const call = waitingCall("<img src=x onerror=alert(1)>", {
    note: "<script>alert(1)</script>",
    key: "AKIAIOSFODNN7EXAMPLE",
  });
  const req = await call.pending;
  const res = await fetch(base + CONSOLE_PATH);
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'.*frame-ancestors 'none'/);
  assert.equal(res.headers.get("x-frame-options"), "DENY");
  assert.ok(!html.includes("<script") && !html.includes("<img"), "no markup from untrusted input");
  assert.ok(html.includes("&lt;img src=x"), "the name is shown, escaped");
  assert.ok(!html.includes("AKIAIOSFODNN7EXAMPLE"), "secrets in arguments are masked");
  assert.equal((await post(req.id, "deny")).status, 200);
  assert.equal(await call.outcome, false);
});

test("without the approver scope the console is refused", async () => {
  const res = await fetch(base + CONSOLE_PATH, { headers: { "x-test-scopes": "tickets:write" } });
  assert.equal(res.status, 403);
});

test("a POST without a valid CSRF token (or another approver's token) decides nothing", async () => {
  const call = waitingCall("create_ticket", { title: "x" });
  const req = await call.pending;
  assert.equal((await post(req.id, "approve", "alice", "")).status, 403);
  assert.equal(
    (await post(req.id, "approve", "alice", csrfToken(csrfKey, { sub: "carol", iss: "test", scopes: [] }))).status,
    403,
  );
  assert.ok(await createApprovalStore(store).getPending(req.id), "still pending");
  assert.equal((await post(req.id, "approve")).status, 200);
  assert.equal(await call.outcome, true);
});

test("a caller approving their own call is refused (self_approval: false); a second decision is refused", async () => {
  const call = waitingCall("create_ticket", { title: "mine" }, "alice");
  const req = await call.pending;
  const self = await post(req.id, "approve", "alice");
  assert.equal(self.status, 403);
  assert.match(await self.text(), /cannot approve their own call/);
  assert.equal((await post(req.id, "approve", "dave")).status, 200);
  assert.equal(await call.outcome, true);
  assert.equal((await post(req.id, "approve", "dave")).status, 409);
});
