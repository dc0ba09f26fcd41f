import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PolicyError } from "../errors.ts";
import { requestSize } from "./request-size.ts";
import { testContext, testPolicy, toolCall } from "./test-context.ts";

describe("request-size guard", () => {
  const policy = testPolicy({ defaults: { max_request_bytes: 100 } });

  it("passes messages at or under the limit", () => {
    requestSize().run(testContext({ policy, message: toolCall("t", { a: 1 }), bytes: 100 }));
  });

  it("refuses larger client messages in every client phase", () => {
    assert.deepEqual(requestSize().phases, ["request", "client-response", "client-notification"]);
    for (const phase of ["request", "client-response", "client-notification"] as const) {
      assert.throws(
        () => requestSize().run(testContext({ phase, policy, message: toolCall("t"), bytes: 101 })),
        (err) =>
          err instanceof PolicyError && err.code === "ERR_POLICY_REQUEST_TOO_LARGE" && err.jsonRpcCode === -32600,
      );
    }
  });

  it("uses the serialized size the gateway measured, not a re-serialisation", () => {
    const msg = toolCall("t", { text: "x".repeat(500) });
    requestSize().run(testContext({ policy, message: msg, bytes: 90 }));
  });
});
