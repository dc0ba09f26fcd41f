import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PolicyError } from "../errors.ts";
import { createMemoryRateCounter, type RateCounter } from "./rate-counter.ts";
import { parseRate, rateLimit } from "./rate-limit.ts";
import { testContext, testPolicy, testSession, toolCall } from "./test-context.ts";
import type { Guard, SessionState } from "./types.ts";

function clock(start = 1_000_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

async function outcome(guard: Guard, session: SessionState, policy: ReturnType<typeof testPolicy>, tool = "query") {
  try {
    await guard.run(testContext({ session, policy, message: toolCall(tool, {}) }));
    return "ok";
  } catch (err) {
    assert.ok(err instanceof PolicyError);
    assert.equal(err.code, "ERR_POLICY_RATE_LIMITED");
    const retry = err.data?.retry_after_ms;
    assert.ok(typeof retry === "number" && retry >= 1, `retry_after_ms ${String(retry)}`);
    return "limited";
  }
}

async function burst(
  n: number,
  guard: Guard,
  session: SessionState,
  policy: ReturnType<typeof testPolicy>,
  tool?: string,
) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await outcome(guard, session, policy, tool));
  return out.filter((o) => o === "ok").length;
}

const alice = { sub: "alice", iss: "https://idp.example" };
const bob = { sub: "bob", iss: "https://idp.example" };

describe("parseRate", () => {
  it("parses every unit", () => {
    assert.deepEqual(parseRate("60/min"), { count: 60, windowMs: 60_000 });
    assert.deepEqual(parseRate("5/s"), { count: 5, windowMs: 1000 });
    assert.deepEqual(parseRate("2/hour"), { count: 2, windowMs: 3_600_000 });
    assert.deepEqual(parseRate("1/day"), { count: 1, windowMs: 86_400_000 });
  });
});

describe("rate-limit guard", () => {
  it("allows up to the limit per principal, then refuses with retry_after_ms", async () => {
    const c = clock();
    const guard = rateLimit({ now: c.now });
    const policy = testPolicy({ rate_limits: [{ tool: "*", per: "principal", limit: "3/min" }] });
    assert.equal(await burst(5, guard, testSession({ principal: alice }), policy), 3);
    // Same principal, another session: same budget. Another principal: its own.
    assert.equal(await burst(2, guard, testSession({ id: "s2", principal: alice }), policy), 0);
    assert.equal(await burst(5, guard, testSession({ principal: bob }), policy), 3);
  });

  it("separates principals of different issuers with the same sub", async () => {
    const guard = rateLimit({ now: clock().now });
    const policy = testPolicy({ rate_limits: [{ tool: "*", limit: "1/min" }] });
    assert.equal(await burst(2, guard, testSession({ principal: alice }), policy), 1);
    assert.equal(await burst(2, guard, testSession({ principal: { ...alice, iss: "local" } }), policy), 1);
  });

  it("counts per session and globally", async () => {
    const guard = rateLimit({ now: clock().now });
    const perSession = testPolicy({ rate_limits: [{ tool: "*", per: "session", limit: "2/min" }] });
    assert.equal(await burst(3, guard, testSession({ id: "a", principal: alice }), perSession), 2);
    assert.equal(await burst(3, guard, testSession({ id: "b", principal: alice }), perSession), 2);
    const global = testPolicy({ rate_limits: [{ tool: "*", per: "global", limit: "2/min" }] });
    assert.equal(await burst(1, guard, testSession({ id: "a", principal: alice }), global), 1);
    assert.equal(await burst(3, guard, testSession({ id: "b", principal: bob }), global), 1);
  });

  it("applies tool rules only to their tool, every matching rule must have room, refusals cost nothing", async () => {
    const guard = rateLimit({ now: clock().now });
    const policy = testPolicy({
      upstreams: { db: { command: "node" } },
      rate_limits: [
        { tool: "*", limit: "4/min" },
        { tool: "db/create_ticket", limit: "1/min" },
      ],
    });
    const s = testSession({ upstream: "db", principal: alice });
    assert.equal(await burst(3, guard, s, policy, "create_ticket"), 1); // 2 refusals, not counted by "*"
    assert.equal(await burst(5, guard, s, policy, "query"), 3); // "*" had 4, 1 used
    assert.equal(await burst(1, guard, s, policy, "Create_Ticket"), 0, "exact names: a case variant is another tool");
  });

  it("slides: the previous window weighs in proportionally", async () => {
    const c = clock(0);
    const guard = rateLimit({ now: c.now });
    const policy = testPolicy({ rate_limits: [{ tool: "*", limit: "10/min" }] });
    const s = testSession({ principal: alice });
    assert.equal(await burst(10, guard, s, policy), 10);
    c.advance(60_000 + 30_000); // halfway into the next window: 10 × 0.5 still counts
    assert.equal(await burst(10, guard, s, policy), 5);
    c.advance(120_000);
    assert.equal(await burst(12, guard, s, policy), 10);
  });

  it("ignores other methods and policies without rules", async () => {
    const guard = rateLimit({ now: clock().now });
    const policy = testPolicy({ rate_limits: [{ tool: "*", limit: "0/min" }] });
    await guard.run(testContext({ policy, message: { jsonrpc: "2.0", id: 1, method: "tools/list" } }));
    assert.equal(await burst(2, guard, testSession(), testPolicy()), 2);
    assert.equal(await burst(1, guard, testSession(), policy), 0);
  });

  it("works with an asynchronous counter (shared store)", async () => {
    const memory = createMemoryRateCounter();
    const asyncCounter: RateCounter = { consume: async (b, now) => memory.consume(b, now) };
    const guard = rateLimit({ counter: asyncCounter, now: clock().now });
    const policy = testPolicy({ rate_limits: [{ tool: "*", limit: "2/min" }] });
    assert.equal(await burst(4, guard, testSession({ principal: alice }), policy), 2);
  });

  it("keeps the memory counter bounded", () => {
    const counter = createMemoryRateCounter({ maxKeys: 100 });
    for (let i = 0; i < 1000; i++) counter.consume([{ key: `k${i}`, limit: 5, windowMs: 60_000 }], 0);
    assert.ok(counter.size <= 100, `${counter.size}`);
  });
});
