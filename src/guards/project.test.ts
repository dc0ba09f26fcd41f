// Tests of the `project` guard and its projection helpers: dotted paths, arrays, non-JSON refusal, schema projection.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PolicyError } from "../errors.ts";
import type { JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { project } from "./project.ts";
import { fieldTree, projectValue } from "./projection.ts";
import { testContext, testPolicy } from "./test-context.ts";
import type { ToolDefinition } from "./types.ts";

const user = { id: 7, status: "active", email: "FAKE.person@example.com", profile: { name: "Ada", ssn: "FAKE" } };

function callCtx(result: Record<string, unknown>, response: Record<string, unknown> | undefined, tool = "lookup_user") {
  const tools = response ? { [tool]: { response } } : {};
  return testContext({
    phase: "response",
    policy: testPolicy({ tools }),
    message: { jsonrpc: "2.0", id: 1, result },
    request: { id: 1, method: "tools/call", params: { name: tool }, tool, startedAt: 0 },
  });
}

const resultOf = (ctx: { message: unknown }) => (ctx.message as JsonRpcResponse).result as Record<string, unknown>;
const notJson = (err: unknown) => err instanceof PolicyError && err.code === "ERR_POLICY_RESPONSE_NOT_JSON";

describe("projection helpers", () => {
  it("keeps dotted paths, applies through arrays, treats a parent path as the whole value", () => {
    const tree = fieldTree(["id", "profile.name"]);
    assert.deepEqual(projectValue([user, user], tree).value, [
      { id: 7, profile: { name: "Ada" } },
      { id: 7, profile: { name: "Ada" } },
    ]);
    assert.deepEqual(projectValue(user, fieldTree(["profile", "profile.name"])).value, { profile: user.profile });
    assert.deepEqual(projectValue({ rows: [user, 3] }, fieldTree(["rows.id"])).value, { rows: [{ id: 7 }] });
  });

  it("reports no drop when nothing is removed (message stays byte-identical)", () => {
    assert.equal(projectValue({ id: 1 }, fieldTree(["id", "status"])).dropped, false);
  });

  it("keeps a __proto__ field as data", () => {
    const v = projectValue(JSON.parse('{"__proto__":{"polluted":1},"x":2}'), fieldTree(["__proto__"])).value;
    assert.ok(Object.hasOwn(v as object, "__proto__"));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe("project guard: tools/call", () => {
  it("projects structuredContent and JSON text content", () => {
    const ctx = callCtx(
      { content: [{ type: "text", text: JSON.stringify(user) }], structuredContent: user },
      { fields: ["id", "status"] },
    );
    project().run(ctx);
    assert.equal(ctx.changed, true);
    assert.deepEqual(resultOf(ctx).structuredContent, { id: 7, status: "active" });
    assert.deepEqual(resultOf(ctx).content, [{ type: "text", text: '{"id":7,"status":"active"}' }]);
  });

  it("projects text holding an array of objects, keeping pretty-printing", () => {
    const ctx = callCtx(
      { content: [{ type: "text", text: JSON.stringify([user, user], null, 2) }] },
      { fields: ["id"] },
    );
    project().run(ctx);
    const text = (resultOf(ctx).content as { text: string }[])[0]?.text;
    assert.equal(text, JSON.stringify([{ id: 7 }, { id: 7 }], null, 2));
  });

  it("does not rewrite a result that already holds only listed fields", () => {
    const ctx = callCtx(
      { content: [{ type: "text", text: '{"id":7}' }], structuredContent: { id: 7 } },
      { fields: ["id"] },
    );
    project().run(ctx);
    assert.equal(ctx.changed, false);
  });

  it("refuses non-JSON text, JSON scalars and non-text content unless non_json: allow", () => {
    for (const content of [
      [{ type: "text", text: "id=7 email=FAKE.person@example.com" }],
      [{ type: "text", text: "[1,2,3]" }],
      [{ type: "text", text: "{not json" }],
      [{ type: "image", data: "AAAA", mimeType: "image/png" }],
    ]) {
      assert.throws(() => project().run(callCtx({ content }, { fields: ["id"] })), notJson);
      const allowed = callCtx({ content }, { fields: ["id"], non_json: "allow" });
      project().run(allowed);
      assert.equal(allowed.changed, false);
    }
  });

  it("projects embedded JSON resources", () => {
    const content = [
      { type: "resource", resource: { uri: "db://u/7", mimeType: "application/json", text: JSON.stringify(user) } },
    ];
    const ctx = callCtx({ content }, { fields: ["id"] });
    project().run(ctx);
    assert.equal((resultOf(ctx).content as { resource: { text: string } }[])[0]?.resource.text, '{"id":7}');
  });

  it("leaves tools without projection, error responses and other methods alone", () => {
    const ctx = callCtx({ content: [{ type: "text", text: "free text" }] }, undefined);
    project().run(ctx);
    assert.equal(ctx.changed, false);
    const err = testContext({
      phase: "response",
      policy: testPolicy({ tools: { lookup_user: { response: { fields: ["id"] } } } }),
      message: { jsonrpc: "2.0", id: 1, error: { code: -32000, message: "boom" } },
      request: { id: 1, method: "tools/call", params: {}, tool: "lookup_user", startedAt: 0 },
    });
    project().run(err);
    assert.equal(err.changed, false);
  });

  it("fails closed on pathological nesting", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    assert.throws(
      () => project().run(callCtx({ content: [{ type: "text", text: deep }] }, { fields: ["id"] })),
      PolicyError,
    );
  });
});

describe("project guard: tools/list", () => {
  it("projects the outputSchema of a tool with fields (properties and required)", () => {
    const tool: ToolDefinition = {
      name: "lookup_user",
      inputSchema: { type: "object" },
      outputSchema: {
        type: "object",
        properties: {
          id: { type: "number" },
          email: { type: "string" },
          profile: { type: "object", properties: { name: {}, ssn: {} } },
        },
        required: ["id", "email"],
      },
    };
    const ctx = testContext({
      phase: "response",
      policy: testPolicy({ tools: { lookup_user: { response: { fields: ["id", "profile.name"] } } } }),
      message: {
        jsonrpc: "2.0",
        id: 1,
        result: { tools: [tool, { name: "other", inputSchema: {}, outputSchema: { type: "object" } }] },
      },
      request: { id: 1, method: "tools/list", params: undefined, startedAt: 0 },
    });
    project().run(ctx);
    assert.equal(ctx.changed, true);
    const listed = (resultOf(ctx).tools as ToolDefinition[])[0]?.outputSchema;
    assert.deepEqual(listed, {
      type: "object",
      properties: { id: { type: "number" }, profile: { type: "object", properties: { name: {} } } },
      required: ["id"],
    });
  });
});
