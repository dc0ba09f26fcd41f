// Tests for the authorize guard: per-tool scopes, environment binding, tools/list filtering, local principals exempt.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PolicyError } from "../errors.ts";
import type { JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { authorize } from "./authorize.ts";
import { testContext, testPolicy, testSession, toolCall } from "./test-context.ts";

const policy = testPolicy({
  environment: "test",
  tools: { lookup: { scopes: ["users:read"] }, open: {}, hidden: { allow: false, scopes: ["x"] } },
});
const tools = [{ name: "lookup" }, { name: "open" }, { name: "hidden" }];
const remote = (scopes: string[], environment?: string) =>
  testSession({
    environment: "test",
    tools,
    principal: { sub: "alice", iss: "https://idp.example", scopes, environment },
  });

function refusal(fn: () => void): PolicyError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof PolicyError);
    return err;
  }
  assert.fail("expected a refusal");
}

test("a call without the tool's scope is refused 403 insufficient_scope naming the scope", () => {
  const err = refusal(() => authorize().run(testContext({ policy, session: remote([]), message: toolCall("lookup") })));
  assert.equal(err.code, "ERR_AUTH_INSUFFICIENT_SCOPE");
  assert.equal(err.httpStatus, 403);
  assert.deepEqual(err.data, { scope: "users:read" });
});

test("a call with the scope, or of a tool without scopes, passes", () => {
  authorize().run(testContext({ policy, session: remote(["users:read"]), message: toolCall("lookup") }));
  authorize().run(testContext({ policy, session: remote([]), message: toolCall("open") }));
});

test("unknown and denied tools are left to the allowlist (no 403 that reveals them)", () => {
  authorize().run(testContext({ policy, session: remote([]), message: toolCall("hidden") }));
  authorize().run(testContext({ policy, session: remote([]), message: toolCall("nope") }));
  authorize().run(testContext({ policy, session: remote([], undefined), message: toolCall("hidden") }));
});

test("a credential of another environment is refused", () => {
  const err = refusal(() =>
    authorize().run(testContext({ policy, session: remote(["users:read"], "prod"), message: toolCall("open") })),
  );
  assert.equal(err.code, "ERR_AUTH_WRONG_ENVIRONMENT");
});

test("local stdio principals are not scope-checked", () => {
  const session = testSession({ environment: "test", tools });
  authorize().run(testContext({ policy, session, message: toolCall("lookup") }));
});

test("tools/list is filtered to what the principal may call", () => {
  const message: JsonRpcResponse = { jsonrpc: "2.0", id: 1, result: { tools: tools.map((t) => ({ ...t })) } };
  const ctx = testContext({
    phase: "response",
    policy,
    session: remote([]),
    message,
    request: { id: 1, method: "tools/list", params: undefined, startedAt: 0 },
  });
  authorize().run(ctx);
  assert.equal(ctx.changed, true);
  assert.deepEqual(
    ((ctx.message as JsonRpcResponse).result?.tools as { name: string }[] | undefined)?.map((t) => t.name),
    ["open", "hidden"],
  );
});
