// Tests for the gateway's server/discover result built from the upstream's initialize result and the policy.
import assert from "node:assert/strict";
import { test } from "node:test";
import { policySchema } from "../policy/schema.ts";
import { discoverResult } from "./discover.ts";

const INIT = {
  protocolVersion: "2025-11-25",
  capabilities: { tools: { listChanged: true }, resources: { subscribe: true }, prompts: {}, logging: {}, tasks: {} },
  serverInfo: { name: "up", version: "1" },
  instructions: "Use the tools wisely.",
};

test("versions, identity and instructions; only capabilities the gateway delivers, without notification flags", () => {
  const result = discoverResult(INIT, policySchema.parse({ version: 1 }));
  assert.equal(result.resultType, "complete");
  assert.equal((result.supportedVersions as string[])[0], "2026-07-28");
  assert.deepEqual(result.capabilities, { tools: {}, prompts: {}, resources: {} });
  assert.deepEqual(result._meta, { "io.modelcontextprotocol/serverInfo": { name: "up", version: "1" } });
  assert.equal(result.instructions, "Use the tools wisely.");
  assert.equal(result.cacheScope, "private");
});

test("a capability whose methods the policy all denies is not advertised", () => {
  const policy = policySchema.parse({ version: 1, methods: { deny: ["prompts/list", "prompts/get"] } });
  assert.equal((discoverResult(INIT, policy).capabilities as Record<string, unknown>).prompts, undefined);
});
