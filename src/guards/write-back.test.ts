// Tests of the `write-back` guard: placeholders anywhere in tools/call arguments are refused.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PolicyError } from "../errors.ts";
import { testContext, toolCall } from "./test-context.ts";
import { writeBack } from "./write-back.ts";

function run(args: unknown) {
  const ctx = testContext({ message: toolCall("create_ticket", args) });
  writeBack().run(ctx);
  return ctx;
}

const refused = (err: unknown) => err instanceof PolicyError && err.code === "ERR_POLICY_ARGS_PLACEHOLDER";

describe("write-back guard", () => {
  it("lets ordinary arguments through unchanged", () => {
    const ctx = run({ title: "Login fails", body: "See [docs] and #42; user [REDACTED] by hand", n: 3, tags: ["a"] });
    assert.equal(ctx.changed, false);
  });

  it("refuses a placeholder in a top-level string", () => {
    assert.throws(() => run({ token: "[REDACTED:github-token#1]" }), refused);
  });

  it("refuses a placeholder embedded in text, in nested objects, arrays and keys", () => {
    assert.throws(() => run({ body: "please use key [REDACTED:openai-api-key#12] here" }), refused);
    assert.throws(() => run({ a: { b: [{ c: ["x", "[REDACTED:email#3]"] }] } }), refused);
    assert.throws(() => run({ "[REDACTED:email#1]": "x" }), refused);
  });

  it("refuses case and spacing variants a model may produce", () => {
    assert.throws(() => run({ v: "[redacted:Email#2]" }), refused);
    assert.throws(() => run({ v: "[REDACTED: email # 2 ]" }), refused);
  });

  it("fails closed on arguments nested beyond the depth bound", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = { d: deep };
    assert.throws(
      () => run(deep),
      (err: unknown) => err instanceof PolicyError && err.code === "ERR_POLICY_TOO_DEEP",
    );
  });

  it("ignores other methods", () => {
    const ctx = testContext({
      message: {
        jsonrpc: "2.0",
        id: 1,
        method: "prompts/get",
        params: { name: "p", arguments: { x: "[REDACTED:email#1]" } },
      },
    });
    writeBack().run(ctx);
    assert.equal(ctx.changed, false);
  });
});
