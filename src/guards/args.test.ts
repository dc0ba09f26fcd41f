import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PolicyError } from "../errors.ts";
import { type ArgsOptions, args, type OperatorLog } from "./args.ts";
import { createSchemaValidators } from "./schema-validators.ts";
import { testContext, testPolicy, testSession, toolCall } from "./test-context.ts";
import type { ToolDefinition } from "./types.ts";

const CANARY = "sk-FAKE-canary-value-0123456789";

const searchTool: ToolDefinition = {
  name: "search",
  inputSchema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: { query: { type: "string", maxLength: 100 }, limit: { type: "integer", minimum: 1 } },
    required: ["query"],
    additionalProperties: true,
  },
};

function silentLog(): OperatorLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (_fields, msg) => lines.push(msg) };
}

// One validator set for the file, as the gateway shares one per process (compiling ajv's meta-schema is slow).
const shared = createSchemaValidators();

function run(
  call: { name: string; args?: unknown },
  setup: { tools?: ToolDefinition[]; policy?: Record<string, unknown>; opts?: ArgsOptions } = {},
) {
  const guard = args({ log: silentLog(), validators: shared, ...setup.opts });
  const ctx = testContext({
    session: testSession({ tools: setup.tools ?? [searchTool] }),
    policy: testPolicy(setup.policy ?? {}),
    message: toolCall(call.name, call.args),
  });
  return guard.run(ctx);
}

function refusal(fn: () => unknown): { argument: unknown; rule: unknown; message: string } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof PolicyError, `expected PolicyError, got ${String(err)}`);
    assert.equal(err.code, "ERR_POLICY_ARGS_INVALID");
    assert.equal(err.jsonRpcCode, -32602);
    assert.ok(!err.message.includes(CANARY), "the message must not echo the value");
    return { argument: err.data?.argument, rule: err.data?.rule, message: err.message };
  }
  assert.fail("expected a refusal");
}

describe("args guard: schema", () => {
  it("passes a valid call and ignores other methods", () => {
    run({ name: "search", args: { query: "x", limit: 3 } });
    const ctx = testContext({ message: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
    args().run(ctx);
  });

  it("refuses schema violations, naming the argument and rule but not the value", () => {
    const r = refusal(() => run({ name: "search", args: { query: `${CANARY}${"x".repeat(100)}` } }));
    assert.deepEqual([r.argument, r.rule], ["query", "maxLength"]);
    assert.match(r.message, /"query".*maxLength/);
    assert.deepEqual(refusal(() => run({ name: "search", args: { query: "q", limit: 0 } })).rule, "minimum");
    assert.deepEqual(refusal(() => run({ name: "search", args: {} })).argument, "query");
    assert.deepEqual(refusal(() => run({ name: "search" })).rule, "required");
  });

  it("requires arguments to be an object", () => {
    for (const bad of [[], null, "q", 3, true]) {
      assert.deepEqual(refusal(() => run({ name: "search", args: bad })).argument, "arguments");
    }
  });

  it("refuses unknown names even when the schema allows additionalProperties", () => {
    const r = refusal(() => run({ name: "search", args: { query: "q", extra: CANARY } }));
    assert.deepEqual([r.argument, r.rule], ["extra", "unknown"]);
    const proto = JSON.parse('{"query":"q","__proto__":{"polluted":true}}');
    assert.equal(refusal(() => run({ name: "search", args: proto })).argument, "__proto__");
    // Opt-out per tool.
    run(
      { name: "search", args: { query: "q", extra: 1 } },
      { policy: { tools: { search: { allow_unknown_args: true } } } },
    );
  });

  it("accepts names the policy declares, the schema still applies", () => {
    const policy = { tools: { search: { args: { region: { enum: ["eu", "us"] } } } } };
    run({ name: "search", args: { query: "q", region: "eu" } }, { policy });
    assert.equal(refusal(() => run({ name: "search", args: { query: "q", region: "mars" } }, { policy })).rule, "enum");
    const closed = { ...searchTool, inputSchema: { ...searchTool.inputSchema, additionalProperties: false } };
    const r = refusal(() => run({ name: "search", args: { query: "q", region: "eu" } }, { policy, tools: [closed] }));
    assert.deepEqual([r.argument, r.rule], ["region", "additionalProperties"]);
  });

  it("fails closed on schemas it cannot enforce, and logs for the operator", () => {
    const log = silentLog();
    const bad: ToolDefinition[] = [
      { name: "remote", inputSchema: { type: "object", $ref: "https://example.invalid/schema.json" } },
      { name: "lookahead", inputSchema: { type: "object", properties: { a: { type: "string", pattern: "(?=x)" } } } },
      { name: "garbage", inputSchema: { type: 42 } as unknown as Record<string, unknown> },
      { name: "notobject", inputSchema: "nope" as unknown as Record<string, unknown> },
    ];
    for (const tool of bad) {
      const r = refusal(() => run({ name: tool.name, args: {} }, { tools: bad, opts: { log } }));
      assert.equal(r.rule, "schema", tool.name);
    }
    assert.equal(log.lines.length, 4);
  });

  it("refuses, not crashes, when an argument's own valueOf/toString breaks ajv's enum and const comparison", () => {
    // Found by the property test below: fast-deep-equal calls an object's own valueOf, so JSON like
    // {"valueOf": false} compared against an enum of objects threw a TypeError out of the guard.
    const tools: ToolDefinition[] = [
      { name: "pick", inputSchema: { type: "object", properties: { a: { enum: [{}] } } } },
      { name: "fixed", inputSchema: { type: "object", properties: { a: { const: { k: 1 } } } } },
    ];
    for (const own of [{ valueOf: false }, { toString: "x" }, { valueOf: { nested: true } }]) {
      for (const tool of tools) {
        const log = silentLog();
        const r = refusal(() =>
          run({ name: tool.name, args: { a: JSON.parse(JSON.stringify(own)) } }, { tools, opts: { log } }),
        );
        assert.equal(r.argument, "arguments", `${tool.name} ${JSON.stringify(own)}`);
        assert.equal(r.rule, "schema");
        assert.equal(log.lines.length, 1, "the operator is told the schema could not be enforced");
      }
    }
    assert.equal(run({ name: "pick", args: { a: {} } }, { tools }), undefined, "a matching value still passes");
  });

  it("refuses schemas too large to compile quickly", () => {
    const log = silentLog();
    const validators = createSchemaValidators({ maxSchemaBytes: 2000 });
    const anyOf = Array.from({ length: 100 }, (_, i) => ({
      type: "object",
      properties: { [`k${i}`]: { type: "string" } },
    }));
    const tools = [{ name: "huge", inputSchema: { type: "object", anyOf } }];
    const r = refusal(() => run({ name: "huge", args: {} }, { tools, opts: { log, validators } }));
    assert.equal(r.rule, "schema");
    assert.equal(log.lines.length, 1);
  });

  it("does not let two tools sharing an $id clash", () => {
    const a: ToolDefinition = {
      name: "a",
      inputSchema: { $id: "urn:example:x", type: "object", properties: { p: { type: "string" } } },
    };
    const b: ToolDefinition = {
      name: "b",
      inputSchema: { $id: "urn:example:x", type: "object", properties: { q: { type: "number" } } },
    };
    const guard = args({ log: silentLog() });
    const session = testSession({ tools: [a, b] });
    guard.run(testContext({ session, message: toolCall("a", { p: "s" }) }));
    guard.run(testContext({ session, message: toolCall("b", { q: 1 }) }));
  });

  it("runs upstream patterns in linear time (no ReDoS)", () => {
    const tool: ToolDefinition = {
      name: "evil",
      inputSchema: { type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } } },
    };
    const t0 = performance.now();
    refusal(() => run({ name: "evil", args: { s: `${"a".repeat(5000)}!` } }, { tools: [tool] }));
    assert.ok(performance.now() - t0 < 1000);
  });

  it("keeps each compiled pattern distinct within one ajv instance", () => {
    const tools: ToolDefinition[] = [
      { name: "p1", inputSchema: { type: "object", properties: { s: { type: "string", pattern: "^a+$" } } } },
      { name: "p2", inputSchema: { type: "object", properties: { s: { type: "string", pattern: "^b+$" } } } },
    ];
    run({ name: "p1", args: { s: "aa" } }, { tools });
    run({ name: "p2", args: { s: "bb" } }, { tools });
    assert.equal(refusal(() => run({ name: "p2", args: { s: "aa" } }, { tools })).rule, "pattern");
    assert.equal(refusal(() => run({ name: "p1", args: { s: "bb" } }, { tools })).rule, "pattern");
  });

  it("uses the schema supplied by schemaFor (pinned) instead of the live one", () => {
    const pinned = { type: "object", properties: { query: { type: "string", maxLength: 2 } } };
    const opts = { schemaFor: () => pinned };
    assert.equal(refusal(() => run({ name: "search", args: { query: "long" } }, { opts })).rule, "maxLength");
  });

  it("keeps the validator cache bounded", () => {
    const validators = createSchemaValidators({ max: 20 });
    const guard = args({ log: silentLog(), validators });
    for (let i = 0; i < 60; i++) {
      const tool = { name: "t", inputSchema: { type: "object", properties: { v: { type: "integer", maximum: i } } } };
      guard.run(testContext({ session: testSession({ tools: [tool] }), message: toolCall("t", { v: 0 }) }));
    }
    assert.equal(validators.size, 20);
  });
});

describe("args guard: no known definition", () => {
  it("allows only the policy's names and applies its constraints", () => {
    const policy = { tools: { fetch: { args: { url: { format: "uri" } } } } };
    run({ name: "fetch", args: { url: "https://example.com" } }, { tools: [], policy });
    assert.equal(
      refusal(() => run({ name: "fetch", args: { url: "not a uri" } }, { tools: [], policy })).rule,
      "format",
    );
    assert.equal(refusal(() => run({ name: "fetch", args: { other: 1 } }, { tools: [], policy })).rule, "unknown");
  });

  it("refuses any argument of a tool neither listed nor in the policy, allows an empty call", () => {
    assert.equal(refusal(() => run({ name: "ghost", args: { a: 1 } }, { tools: [] })).rule, "unknown");
    run({ name: "ghost", args: {} }, { tools: [] });
    run({ name: "ghost" }, { tools: [] });
  });
});

describe("args guard: policy constraints", () => {
  const tool: ToolDefinition = {
    name: "t",
    inputSchema: { type: "object", properties: { s: {}, n: {}, p: {}, e: {}, paths: {} } },
  };
  const policy = {
    tools: {
      t: {
        args: {
          s: { minLength: 2, maxLength: 4, pattern: "^[a-z]+$" },
          n: { minimum: 1, maximum: 10 },
          p: { path_prefix: ["/data", "/srv/share/"] },
          e: { format: "email", maxLength: 254 },
          paths: { path_prefix: "/data" },
        },
      },
    },
  };
  const check = (a: Record<string, unknown>) => run({ name: "t", args: a }, { tools: [tool], policy });
  const rule = (a: Record<string, unknown>) => refusal(() => check(a)).rule;

  it("accepts values within every constraint", () => {
    check({ s: "abc", n: 5, p: "/data/x/y.txt", e: "a@example.com", paths: ["/data/a", "/data/b"] });
    check({ s: "ab", p: "/srv/share/file" });
    check({ p: "/data" });
  });

  it("refuses each violated rule by name", () => {
    assert.equal(rule({ s: "a" }), "minLength");
    assert.equal(rule({ s: "abcde" }), "maxLength");
    assert.equal(rule({ s: "AB" }), "pattern");
    assert.equal(rule({ n: 0 }), "minimum");
    assert.equal(rule({ n: 11 }), "maximum");
    assert.equal(rule({ e: "not-an-email" }), "format");
    assert.equal(rule({ p: "/etc/passwd" }), "path_prefix");
    assert.equal(rule({ paths: ["/data/ok", "/data/../etc/shadow"] }), "path_prefix");
  });

  it("asserts types instead of skipping values of another type", () => {
    assert.equal(rule({ s: 123 }), "type");
    assert.equal(rule({ p: { path: "/data/x" } }), "type");
    assert.equal(rule({ p: [["/etc"]] }), "type");
    assert.equal(rule({ n: "5" }), "type");
    assert.equal(rule({ n: null }), "type");
  });

  it("counts lengths in code points", () => {
    const t2 = { name: "u", inputSchema: { type: "object", properties: { s: {} } } };
    const p2 = { tools: { u: { args: { s: { maxLength: 2, minLength: 2 } } } } };
    run({ name: "u", args: { s: "😀😀" } }, { tools: [t2], policy: p2 });
    assert.equal(
      refusal(() => run({ name: "u", args: { s: "😀😀😀" } }, { tools: [t2], policy: p2 })).rule,
      "maxLength",
    );
  });

  it("checks formats in linear time (ajv-formats' email regex backtracks quadratically)", () => {
    const t3 = { name: "m", inputSchema: { type: "object", properties: { to: { type: "string", format: "email" } } } };
    const p3 = { tools: { m: { args: { to: { format: "email" } } } } };
    for (const hostile of [`a@${"a-".repeat(100_000)}!`, `a@${"a.".repeat(100_000)}-`, `${"a".repeat(200_000)}`]) {
      const t0 = performance.now();
      assert.equal(
        refusal(() => run({ name: "m", args: { to: hostile } }, { tools: [t3], policy: p3 })).rule,
        "format",
      );
      assert.ok(performance.now() - t0 < 1500, "format check too slow");
    }
    run({ name: "m", args: { to: "Alice.Smith+tag@Example.COM" } }, { tools: [t3], policy: p3 });
  });

  it("fails closed on a policy pattern RE2 cannot run", () => {
    const p2 = { tools: { t: { args: { s: { pattern: "(a)\\1" } } } } };
    assert.equal(refusal(() => run({ name: "t", args: { s: "aa" } }, { tools: [tool], policy: p2 })).rule, "policy");
  });
});

describe("args guard: properties", () => {
  const schemaArb: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
    schema: fc.oneof(
      { depthSize: "small" },
      fc.record({ type: fc.constantFrom("string", "number", "integer", "boolean", "null", "array", "object") }),
      fc.record({
        type: fc.constant("string"),
        maxLength: fc.nat(10),
        pattern: fc.constantFrom("^a", "b$", "(c|d)+", "["),
      }),
      fc.record({ enum: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) }),
      fc.record({ type: fc.constant("array"), items: tie("schema") }),
      fc.record({ anyOf: fc.array(tie("schema"), { minLength: 1, maxLength: 2 }) }),
      fc.record({
        type: fc.constant("object"),
        properties: fc.dictionary(fc.string({ maxLength: 3 }), tie("schema"), { maxKeys: 3 }),
        required: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
        additionalProperties: fc.boolean(),
      }),
      fc.record({ $ref: fc.constantFrom("#", "#/nope", "https://x.invalid/s") }),
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Record<string, unknown>>,
    ),
  })).schema;

  it("never throws anything but PolicyError for arbitrary arguments and schemas", () => {
    const guard = args({ log: silentLog() });
    fc.assert(
      fc.property(schemaArb, fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (schema, value, unknownOk) => {
        const session = testSession({ tools: [{ name: "t", inputSchema: schema }] });
        const policy = testPolicy({ tools: { t: { allow_unknown_args: unknownOk, args: { a: { maxLength: 3 } } } } });
        try {
          guard.run(testContext({ session, policy, message: toolCall("t", value) }));
        } catch (err) {
          assert.ok(err instanceof PolicyError, String(err));
          assert.equal(err.code, "ERR_POLICY_ARGS_INVALID");
        }
      }),
      { numRuns: 400 },
    );
  });
});
