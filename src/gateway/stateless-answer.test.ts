// Tests for answers shaped for 2026-07-28 callers: id and progress token mapped back, resultType, caching fields.
import assert from "node:assert/strict";
import { test } from "node:test";
import { modernAnswer, modernProgress } from "./stateless-answer.ts";

test("a result gets the caller's id and resultType complete; an input_required result keeps its type", () => {
  const answer = JSON.parse(
    modernAnswer({ jsonrpc: "2.0", id: "warden-s1", result: { content: [] } }, 7, "tools/call"),
  );
  assert.deepEqual(answer, { jsonrpc: "2.0", id: 7, result: { content: [], resultType: "complete" } });
  const mrtr = { jsonrpc: "2.0", id: "warden-s2", result: { resultType: "input_required", requestState: "s" } };
  assert.equal(JSON.parse(modernAnswer(mrtr, 8, "tools/call")).result.resultType, "input_required");
});

test("list and read results are private to the caller, with a ttl", () => {
  const pub = { jsonrpc: "2.0", id: "warden-s3", result: { tools: [], cacheScope: "public", ttlMs: 5000 } };
  const shaped = JSON.parse(modernAnswer(pub, 1, "tools/list")).result;
  assert.equal(shaped.cacheScope, "private");
  assert.equal(shaped.ttlMs, 5000);
  assert.equal(JSON.parse(modernAnswer({ id: "x", result: { contents: [] } }, 1, "resources/read")).result.ttlMs, 0);
});

test("errors keep their shape with the caller's id; the legacy resource-not-found code becomes -32602", () => {
  const notFound = { jsonrpc: "2.0", id: "warden-s4", error: { code: -32002, message: "Resource not found" } };
  assert.deepEqual(JSON.parse(modernAnswer(notFound, "r", "resources/read")), {
    jsonrpc: "2.0",
    id: "r",
    error: { code: -32602, message: "Resource not found" },
  });
});

test("progress carries the caller's own token", () => {
  const note = {
    jsonrpc: "2.0",
    method: "notifications/progress",
    params: { progressToken: "warden-s5", progress: 1 },
  };
  assert.equal(JSON.parse(modernProgress(note, 42)).params.progressToken, 42);
});
