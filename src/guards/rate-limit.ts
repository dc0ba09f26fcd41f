// Guard `rate-limit`: the policy's `rate_limits` on tools/call — per principal (iss+sub), per session, or
// global; every matching rule must have room (CWE-770). Counting is delegated to a RateCounter.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { Policy } from "../policy/schema.ts";
import { keyNamesTool } from "../policy/tool-key.ts";
import { createMemoryRateCounter, type RateBucket, type RateCounter } from "./rate-counter.ts";
import type { Guard, MessageContext, Principal } from "./types.ts";

type RateRule = Policy["rate_limits"][number];

const UNIT_MS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
};

/** Parses "60/min" (the policy schema has already checked the shape). */
export function parseRate(limit: string): { count: number; windowMs: number } {
  const [count, unit] = limit.split("/");
  const windowMs = UNIT_MS[unit ?? ""];
  if (count === undefined || windowMs === undefined) throw new Error(`invalid rate ${limit}`);
  return { count: Number.parseInt(count, 10), windowMs };
}

export interface RateLimitOptions {
  counter?: RateCounter;
  now?: () => number;
}

// Keys are concatenations of complete JSON values, so no choice of names makes two subjects collide.
const principalKeys = new WeakMap<Principal, string>();
const ruleKeys = new WeakMap<RateRule, string>();

function subjectOf(rule: RateRule, ctx: MessageContext): string {
  if (rule.per === "global") return "0";
  if (rule.per === "session") return JSON.stringify(["s", ctx.session.id]);
  const p = ctx.session.principal;
  let key = principalKeys.get(p);
  if (key === undefined) {
    key = JSON.stringify(["p", p.iss, p.sub]);
    principalKeys.set(p, key);
  }
  return key;
}

// The rule's own text is part of the key, so a reloaded policy with reordered rules keeps its counts.
function ruleKey(rule: RateRule): string {
  let key = ruleKeys.get(rule);
  if (key === undefined) {
    key = JSON.stringify([rule.tool, rule.limit, rule.per]);
    ruleKeys.set(rule, key);
  }
  return key;
}

export function rateLimit(opts: RateLimitOptions = {}): Guard {
  const counter = opts.counter ?? createMemoryRateCounter();
  const now = opts.now ?? Date.now;
  const rates = new Map<string, { count: number; windowMs: number }>();
  const rateOf = (limit: string) => {
    let r = rates.get(limit);
    if (r === undefined) {
      r = parseRate(limit);
      rates.set(limit, r);
    }
    return r;
  };

  function bucketsFor(ctx: MessageContext, tool: string): RateBucket[] {
    const buckets: RateBucket[] = [];
    for (const rule of ctx.policy.rate_limits) {
      if (!keyNamesTool(ctx.policy, rule.tool, ctx.session.upstream, tool)) continue;
      const { count, windowMs } = rateOf(rule.limit);
      const key = `${JSON.stringify(ctx.session.upstream)}${ruleKey(rule)}${subjectOf(rule, ctx)}`;
      buckets.push({ key, limit: count, windowMs });
    }
    return buckets;
  }

  function decide(d: { allowed: boolean; retryAfterMs: number }): void {
    if (d.allowed) return;
    throw new PolicyError("ERR_POLICY_RATE_LIMITED", {
      jsonRpcCode: JSONRPC.SERVER_ERROR,
      httpStatus: 429,
      data: { retry_after_ms: d.retryAfterMs },
    });
  }

  function run(ctx: MessageContext): void | Promise<void> {
    const msg = ctx.message as { method?: unknown; params?: { name?: unknown } };
    if (msg.method !== "tools/call" || ctx.policy.rate_limits.length === 0) return;
    // A call without a name (the allowlist refuses it) still counts against "*" rules: fail closed.
    const tool = typeof msg.params?.name === "string" ? msg.params.name : "";
    const buckets = bucketsFor(ctx, tool);
    if (buckets.length === 0) return;
    const decision = counter.consume(buckets, now());
    // Stay synchronous with the in-memory counter; a shared store answers with a promise.
    return decision instanceof Promise ? decision.then(decide) : decide(decision);
  }

  return { id: "rate-limit", phases: ["request"], run };
}
