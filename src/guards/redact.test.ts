// Tests of the `redact` guard with the real detector engine. Every sensitive value here is a fake fixture:
// AKIAIOSFODNN7EXAMPLE is AWS's documented example key id, 4111 1111 1111 1111 a test card, example.com addresses.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PolicyError } from "../errors.ts";
import type { JsonRpcMessage, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { MAX_PLACEHOLDERS, placeholderFor } from "./placeholders.ts";
import { redact } from "./redact.ts";
import { testContext, testPolicy, testSession } from "./test-context.ts";
import type { SessionState } from "./types.ts";

const AWS = "AKIAIOSFODNN7EXAMPLE"; // fake: AWS documentation example
const EMAIL = "ada.lovelace@example.com"; // fake
const CARD = "4111 1111 1111 1111"; // fake: test card number

const guard = redact();

function respond(
  method: string,
  body: Partial<JsonRpcResponse>,
  opts: { session?: SessionState; policy?: Record<string, unknown>; tool?: string } = {},
) {
  const message = { jsonrpc: "2.0", id: 1, ...body } as JsonRpcMessage;
  return testContext({
    phase: "response",
    message,
    session: opts.session ?? testSession(),
    policy: testPolicy(opts.policy ?? {}),
    request: { id: 1, method, params: {}, tool: opts.tool, startedAt: 0 },
  });
}

const call = (
  result: Record<string, unknown>,
  opts: { session?: SessionState; policy?: Record<string, unknown> } = {},
) => respond("tools/call", { result }, { ...opts, tool: "lookup" });
const blocked = (err: unknown) => err instanceof PolicyError && err.code === "ERR_POLICY_RESPONSE_BLOCKED";
// biome-ignore lint/suspicious/noExplicitAny: the tests read deep, known result shapes
const resultOf = (ctx: { message: unknown }) => (ctx.message as JsonRpcResponse).result as Record<string, any>;

describe("redact guard: tools/call results", () => {
  it("masks text content, every structuredContent leaf and embedded resources with typed placeholders", () => {
    const ctx = call({
      content: [
        { type: "text", text: `key ${AWS} owner ${EMAIL}` },
        { type: "resource", resource: { uri: "mem://x", mimeType: "text/plain", text: `card ${CARD}` } },
      ],
      structuredContent: { owner: { email: EMAIL, cards: [CARD] }, n: 3, ok: true },
    });
    guard.run(ctx);
    assert.equal(ctx.changed, true);
    const r = resultOf(ctx);
    assert.equal(r.content[0].text, "key [REDACTED:aws-access-key-id#1] owner [REDACTED:email#1]");
    assert.equal(r.content[1].resource.text, "card [REDACTED:payment-card#1]");
    assert.deepEqual(r.structuredContent, {
      owner: { email: "[REDACTED:email#1]", cards: ["[REDACTED:payment-card#1]"] },
      n: 3,
      ok: true,
    });
    assert.deepEqual(ctx.audit.redactions, { secrets: 1, pii: 4 });
    assert.deepEqual(ctx.audit.detail?.redactions_by_detector, { "aws-access-key-id": 1, email: 2, "payment-card": 2 });
    assert.ok(!JSON.stringify(ctx.message).includes(EMAIL));
  });

  it("does not mark a clean result changed (original bytes are forwarded)", () => {
    const ctx = call({
      content: [{ type: "text", text: "id 42, status active, uuid 123e4567-e89b-12d3-a456-426614174000" }],
    });
    guard.run(ctx);
    assert.equal(ctx.changed, false);
    assert.deepEqual(ctx.audit.redactions, {});
  });

  it("gives the same value the same placeholder across messages of a session, numbering per session", () => {
    const session = testSession();
    const first = call({ content: [{ type: "text", text: `a ${EMAIL}` }] }, { session });
    const second = call({ content: [{ type: "text", text: `b other.person@example.com, ${EMAIL}` }] }, { session });
    guard.run(first);
    guard.run(second);
    assert.equal(resultOf(first).content[0].text, "a [REDACTED:email#1]");
    assert.equal(resultOf(second).content[0].text, "b [REDACTED:email#2], [REDACTED:email#1]");
    const other = call({ content: [{ type: "text", text: "x other.person@example.com" }] });
    guard.run(other);
    assert.equal(resultOf(other).content[0].text, "x [REDACTED:email#1]");
  });

  it("block refuses the whole result; off leaves a category alone", () => {
    const policy = { defaults: { redact: { secrets: "block", pii: "off" } } };
    assert.throws(() => guard.run(call({ content: [{ type: "text", text: `k ${AWS}` }] }, { policy })), blocked);
    const ctx = call({ content: [{ type: "text", text: `mail ${EMAIL}` }] }, { policy });
    guard.run(ctx);
    assert.equal(ctx.changed, false);
  });

  it("a tool's list setting replaces the defaults; an object setting only overrides what it names", () => {
    const listPolicy = { tools: { lookup: { redact: ["secrets"] } } };
    const listed = call({ content: [{ type: "text", text: `${AWS} ${EMAIL}` }] }, { policy: listPolicy });
    guard.run(listed);
    assert.equal(resultOf(listed).content[0].text, `[REDACTED:aws-access-key-id#1] ${EMAIL}`);
    const objPolicy = { tools: { lookup: { redact: { secrets: "block" } } } };
    const masked = call({ content: [{ type: "text", text: EMAIL }] }, { policy: objPolicy });
    guard.run(masked);
    assert.equal(resultOf(masked).content[0].text, "[REDACTED:email#1]");
    assert.throws(() => guard.run(call({ content: [{ type: "text", text: AWS }] }, { policy: objPolicy })), blocked);
  });

  it("never scans base64 payloads of images, audio or blobs", () => {
    const ctx = call({ content: [{ type: "image", mimeType: "image/png", data: `AAAA${AWS}AAAA` }] });
    guard.run(ctx);
    assert.equal(ctx.changed, false);
  });

  it("fails closed on a result nested beyond max_depth", () => {
    let deep: unknown = EMAIL;
    for (let i = 0; i < 80; i++) deep = [deep];
    assert.throws(
      () => guard.run(call({ structuredContent: { deep } })),
      (e: unknown) => e instanceof PolicyError && e.code === "ERR_POLICY_TOO_DEEP",
    );
  });

  it("scans a 256 KiB result once, in bounded time", () => {
    const line = "2026-01-01T00:00:00Z INFO request handled id=3f2a9c status=200 path=/api/v1/items\n";
    const text = `${line.repeat(3200)}contact ${EMAIL}\n${line.repeat(10)}`;
    const ctx = call({ content: [{ type: "text", text }] });
    const started = performance.now();
    guard.run(ctx);
    const ms = performance.now() - started;
    assert.equal(ctx.audit.redactions.pii, 1);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });
});

describe("redact guard: other server data", () => {
  it("masks resources/read text contents", () => {
    const ctx = respond("resources/read", {
      result: {
        contents: [
          { uri: "file:///a", text: `owner ${EMAIL}` },
          { uri: "file:///b", blob: "AAAA" },
        ],
      },
    });
    guard.run(ctx);
    assert.equal(resultOf(ctx).contents[0].text, "owner [REDACTED:email#1]");
    assert.equal(resultOf(ctx).contents[1].blob, "AAAA");
  });

  it("masks prompts/get messages", () => {
    const ctx = respond("prompts/get", {
      result: { messages: [{ role: "user", content: { type: "text", text: `use ${AWS}` } }] },
    });
    guard.run(ctx);
    assert.equal(resultOf(ctx).messages[0].content.text, "use [REDACTED:aws-access-key-id#1]");
  });

  it("masks error messages and every string of error data, whatever the method", () => {
    const ctx = respond("tools/list", {
      error: { code: -32000, message: `failed for ${EMAIL}`, data: { key: AWS, list: [EMAIL] } },
    });
    guard.run(ctx);
    const error = (ctx.message as JsonRpcResponse).error!;
    assert.equal(error.message, "failed for [REDACTED:email#1]");
    assert.deepEqual(error.data, { key: "[REDACTED:aws-access-key-id#1]", list: ["[REDACTED:email#1]"] });
  });

  it("leaves results of listing methods alone", () => {
    const ctx = respond("tools/list", { result: { tools: [{ name: "t", description: `contact ${EMAIL}` }] } });
    guard.run(ctx);
    assert.equal(ctx.changed, false);
  });

  it("masks the message of a server→client elicitation/create request", () => {
    const ctx = testContext({
      phase: "server-request",
      message: {
        jsonrpc: "2.0",
        id: 9,
        method: "elicitation/create",
        params: { message: `Confirm charge to ${CARD}?`, requestedSchema: { type: "object", properties: {} } },
      },
    });
    guard.run(ctx);
    assert.equal(ctx.changed, true);
    assert.equal(
      (ctx.message as unknown as { params: { message: string } }).params.message,
      "Confirm charge to [REDACTED:payment-card#1]?",
    );
  });

  it("blocks an elicitation carrying a secret when secrets are set to block", () => {
    const ctx = testContext({
      phase: "server-request",
      policy: testPolicy({ defaults: { redact: { secrets: "block" } } }),
      message: { jsonrpc: "2.0", id: 9, method: "elicitation/create", params: { message: `paste ${AWS}` } },
    });
    assert.throws(() => guard.run(ctx), blocked);
  });
});

describe("redact guard: server notifications", () => {
  it("masks log data and progress messages, never the progress token", () => {
    const log = testContext({
      phase: "server-notification",
      message: {
        jsonrpc: "2.0",
        method: "notifications/message",
        params: { level: "info", data: { msg: `login ${EMAIL}` } },
      },
    });
    guard.run(log);
    assert.deepEqual((log.message as { params: unknown }).params, {
      level: "info",
      data: { msg: "login [REDACTED:email#1]" },
    });
    const token = `tok-${EMAIL}`;
    const progress = testContext({
      phase: "server-notification",
      message: {
        jsonrpc: "2.0",
        method: "notifications/progress",
        params: { progressToken: token, progress: 1, message: `mailing ${EMAIL}` },
      },
    });
    guard.run(progress);
    assert.deepEqual((progress.message as { params: unknown }).params, {
      progressToken: token,
      progress: 1,
      message: "mailing [REDACTED:email#1]",
    });
  });
});

describe("placeholder map", () => {
  it("is bounded: the oldest mapping is forgotten and numbers are never reused", () => {
    const session = testSession();
    assert.equal(placeholderFor(session, "email", "a@example.com", 2), "[REDACTED:email#1]");
    assert.equal(placeholderFor(session, "email", "b@example.com", 2), "[REDACTED:email#2]");
    assert.equal(placeholderFor(session, "email", "c@example.com", 2), "[REDACTED:email#3]");
    assert.equal(placeholderFor(session, "email", "b@example.com", 2), "[REDACTED:email#2]");
    assert.equal(placeholderFor(session, "email", "a@example.com", 2), "[REDACTED:email#4]");
    assert.ok(MAX_PLACEHOLDERS >= 1024);
  });

  it("keeps no plaintext value in session state", () => {
    const session = testSession();
    placeholderFor(session, "email", EMAIL);
    const state = session.scratch.get("redact") as { byDigest: Map<string, string> };
    assert.ok(![...state.byDigest.keys()].some((k) => k.includes(EMAIL)));
  });
});
