// Micro-benchmark of the per-call guards of a typical tools/call (args, json-limits, request-size, rate-limit),
// against ajv's own validation of the same arguments. Not a test: `node --import tsx bench/guards-micro.ts`.
import { args } from "../src/guards/args.ts";
import { jsonLimits } from "../src/guards/json-limits.ts";
import { rateLimit } from "../src/guards/rate-limit.ts";
import { requestSize } from "../src/guards/request-size.ts";
import { createSchemaValidators } from "../src/guards/schema-validators.ts";
import { testContext, testPolicy, testSession, toolCall } from "../src/guards/test-context.ts";
import type { Guard } from "../src/guards/types.ts";

const inputSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: { email: { type: "string", format: "email" }, include_inactive: { type: "boolean" } },
  required: ["email"],
  additionalProperties: false,
};
const policy = testPolicy({
  upstreams: { db: { command: "node" } },
  tools: { "db/lookup_user_by_email": { args: { email: { maxLength: 254, format: "email" } } } },
  rate_limits: [{ tool: "*", per: "principal", limit: "1000000000/min" }],
});
const session = testSession({ upstream: "db", tools: [{ name: "lookup_user_by_email", inputSchema }] });
const message = toolCall("lookup_user_by_email", { email: "alice@example.com", include_inactive: false });
const ctx = testContext({ session, policy, message });
const validators = createSchemaValidators();
const validate = validators.get(inputSchema);
const argsValue = (message.params as { arguments: unknown }).arguments;

function measure(name: string, fn: () => unknown, n = 200_000): number {
  for (let i = 0; i < 20_000; i++) fn();
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - t0) / n);
  }
  const median = rounds.sort((a, b) => a - b)[2] ?? 0;
  console.log(`${name.padEnd(34)} ${(median / 1000).toFixed(3)} µs/call`);
  return median;
}

const run = (g: Guard) => () => g.run(ctx);
const ajvOnly = measure("ajv validate (baseline)", () => validate(argsValue));
const argsNs = measure("args guard (schema + policy)", run(args({ validators })));
const limitsNs = measure("json-limits guard", run(jsonLimits()));
const sizeNs = measure("request-size guard", run(requestSize()));
const rateNs = measure("rate-limit guard (1 rule)", run(rateLimit()));
const total = argsNs + limitsNs + sizeNs + rateNs;
console.log(`${"all four, beyond ajv".padEnd(34)} ${((total - ajvOnly) / 1000).toFixed(3)} µs/call`);
