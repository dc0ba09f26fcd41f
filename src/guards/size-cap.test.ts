import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PolicyError } from "../errors.ts";
import type { JsonRpcMessage } from "../mcp/jsonrpc.ts";
import { sizeCap } from "./size-cap.ts";
import { testContext, testPolicy, testSession } from "./test-context.ts";
import type { ToolDefinition } from "./types.ts";

type Result = Record<string, unknown>;

function respond(
  result: Result,
  opts: { method?: string; tool?: string; policy?: Result; tools?: ToolDefinition[] } = {},
) {
  const method = opts.method ?? "tools/call";
  const message: JsonRpcMessage = { jsonrpc: "2.0", id: 7, result };
  const ctx = testContext({
    phase: "response",
    message,
    policy: testPolicy(opts.policy ?? { defaults: { max_response_bytes: 1000 } }),
    session: testSession({ tools: opts.tools ?? [] }),
    request: {
      id: 7,
      method,
      params: {},
      tool: method === "tools/call" ? (opts.tool ?? "t") : undefined,
      startedAt: 0,
    },
  });
  sizeCap().run(ctx);
  const out = JSON.stringify(ctx.message);
  return { ctx, out, bytes: Buffer.byteLength(out), result: (ctx.message as { result: Result }).result };
}

function refused(fn: () => unknown): void {
  assert.throws(fn, (err) => err instanceof PolicyError && err.code === "ERR_POLICY_RESPONSE_TOO_LARGE");
}

const NOTICE = /\[mcp-warden: response truncated from \d+ to 1000 bytes\]/;

describe("size-cap guard", () => {
  it("leaves small results alone", () => {
    const { ctx } = respond({ content: [{ type: "text", text: "hello" }] });
    assert.equal(ctx.changed, false);
  });

  it("ignores methods it does not cap", () => {
    const { ctx } = respond({ tools: [{ name: "x".repeat(5000) }] }, { method: "tools/list" });
    assert.equal(ctx.changed, false);
  });

  it("refuses when on_oversize is refuse", () => {
    const policy = { defaults: { max_response_bytes: 1000, on_oversize: "refuse" } };
    refused(() => respond({ content: [{ type: "text", text: "x".repeat(2000) }] }, { policy }));
  });

  it("keeps head and tail of one long text, with the notice at the cut", () => {
    const text = `HEAD${"m".repeat(5000)}TAIL`;
    const { ctx, bytes, result } = respond({ content: [{ type: "text", text }] });
    assert.ok(bytes <= 1000, `${bytes} bytes`);
    const kept = (result.content as { text: string }[])[0]?.text ?? "";
    assert.ok(kept.startsWith("HEAD") && kept.endsWith("TAIL"));
    assert.match(kept, NOTICE);
    assert.equal(ctx.changed, true);
    assert.deepEqual(ctx.audit.detail?.truncated, {
      from: Buffer.byteLength(JSON.stringify({ jsonrpc: "2.0", id: 7, result: { content: [{ type: "text", text }] } })),
      to: bytes,
    });
  });

  it("removes blocks wholly in the middle and keeps the first and last", () => {
    const blocks = Array.from({ length: 50 }, (_, i) => ({ type: "text", text: `block-${i}:${"z".repeat(100)}` }));
    const { bytes, result } = respond({ content: blocks });
    assert.ok(bytes <= 1000);
    const texts = (result.content as { text: string }[]).map((b) => b.text);
    assert.ok(texts[0]?.startsWith("block-0:"));
    assert.ok(texts.at(-1)?.startsWith("block-49:"));
    assert.ok(texts.length < 10);
    assert.equal(texts.filter((t) => NOTICE.test(t)).length, 1);
  });

  it("uses the tool's response.max_bytes over the default", () => {
    const policy = { defaults: { max_response_bytes: 100_000 }, tools: { t: { response: { max_bytes: 1000 } } } };
    assert.ok(respond({ content: [{ type: "text", text: "x".repeat(5000) }] }, { policy }).bytes <= 1000);
    assert.equal(
      respond({ content: [{ type: "text", text: "x".repeat(5000) }] }, { policy, tool: "other" }).ctx.changed,
      false,
    );
  });

  it("drops structuredContent, and marks isError when the tool declares an outputSchema", () => {
    const big = { rows: Array.from({ length: 100 }, (_, i) => ({ id: i, name: "n".repeat(20) })) };
    const plain = respond({ content: [{ type: "text", text: "summary" }], structuredContent: big });
    assert.equal(plain.result.structuredContent, undefined);
    assert.equal(plain.result.isError, undefined);
    assert.match(JSON.stringify(plain.result.content), NOTICE, "a visible notice even when no text was cut");
    const tools = [{ name: "t", outputSchema: { type: "object" } }];
    const typed = respond(
      { content: [{ type: "text", text: JSON.stringify(big) }], structuredContent: big },
      { tools },
    );
    assert.equal(typed.result.isError, true);
    assert.ok(typed.bytes <= 1000);
  });

  it("replaces binary payloads with the notice", () => {
    const { bytes, result } = respond({
      content: [
        { type: "image", data: "A".repeat(5000), mimeType: "image/png" },
        { type: "resource", resource: { uri: "file:///x", blob: "B".repeat(5000), mimeType: "application/pdf" } },
      ],
    });
    assert.ok(bytes <= 1000);
    const out = JSON.stringify(result);
    assert.ok(!out.includes("AAAA") && !out.includes("BBBB"));
    assert.match(out, NOTICE);
  });

  it("caps resources/read and prompts/get", () => {
    const r = respond(
      {
        contents: [
          { uri: "file:///a", text: "a".repeat(3000) },
          { uri: "file:///b", blob: "b".repeat(3000) },
        ],
      },
      { method: "resources/read" },
    );
    assert.ok(r.bytes <= 1000);
    assert.match(r.out, NOTICE);
    const p = respond(
      {
        messages: [
          { role: "user", content: { type: "text", text: "u".repeat(3000) } },
          { role: "assistant", content: { type: "image", data: "i".repeat(3000), mimeType: "image/png" } },
        ],
      },
      { method: "prompts/get" },
    );
    assert.ok(p.bytes <= 1000);
    assert.match(p.out, NOTICE);
  });

  it("fits multi-byte and escaped text without splitting surrogate pairs", () => {
    const text = '😀é\n\u0001"\\'.repeat(2000);
    const { bytes, result } = respond({ content: [{ type: "text", text }] });
    assert.ok(bytes <= 1000, `${bytes}`);
    const kept = (result.content as { text: string }[])[0]?.text ?? "";
    assert.ok(
      !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(kept),
      "no lone surrogate",
    );
  });

  it("refuses oversized error responses and results it cannot shrink", () => {
    const ctx = testContext({
      phase: "response",
      message: { jsonrpc: "2.0", id: 1, error: { code: -1, message: "e".repeat(5000) } },
      policy: testPolicy({ defaults: { max_response_bytes: 1000 } }),
      request: { id: 1, method: "tools/call", params: {}, tool: "t", startedAt: 0 },
    });
    refused(() => sizeCap().run(ctx));
    refused(() => respond({ content: [], _meta: { big: "m".repeat(5000) } }));
    const tiny = { defaults: { max_response_bytes: 40 } };
    refused(() => respond({ content: [{ type: "text", text: "x".repeat(100) }] }, { policy: tiny }));
  });

  it("truncates a 10 MiB result quickly", () => {
    // Flat strings, as JSON.parse produces them (a repeat() rope would be flattened inside the timed part).
    const text = JSON.parse(JSON.stringify("lorem ipsum dolor sit amet ".repeat(400_000))) as string;
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const blocks = [
        { type: "text", text },
        ...Array.from({ length: 1000 }, () => ({ type: "text", text: "q".repeat(100) })),
      ];
      const ctx = testContext({
        phase: "response",
        message: { jsonrpc: "2.0", id: 1, result: { content: blocks } },
        bytes: 10_900_000,
        policy: testPolicy({ defaults: { max_response_bytes: 262_144 } }),
        request: { id: 1, method: "tools/call", params: {}, tool: "t", startedAt: 0 },
      });
      const t0 = performance.now();
      sizeCap().run(ctx);
      best = Math.min(best, performance.now() - t0);
      assert.ok(Buffer.byteLength(JSON.stringify(ctx.message)) <= 262_144);
    }
    // ~10 ms on an idle core; the bound only catches quadratic behaviour (best of 3 on a loaded machine).
    assert.ok(best < 250, `${best} ms`);
  });

  it("always fits the limit or refuses (property)", () => {
    const block = fc.oneof(
      fc.record({ type: fc.constant("text"), text: fc.string({ unit: "binary", maxLength: 400 }) }),
      fc.record({
        type: fc.constant("image"),
        data: fc.base64String({ maxLength: 400 }),
        mimeType: fc.constant("image/png"),
      }),
      fc.record({
        type: fc.constant("resource_link"),
        uri: fc.constantFrom("file:///a", "https://example.com/r"),
        name: fc.string({ maxLength: 20 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.integer({ min: 60, max: 3000 }), (content, limit) => {
        try {
          const { bytes } = respond({ content }, { policy: { defaults: { max_response_bytes: limit } } });
          assert.ok(bytes <= limit, `${bytes} > ${limit}`);
        } catch (err) {
          assert.ok(err instanceof PolicyError && err.code === "ERR_POLICY_RESPONSE_TOO_LARGE", String(err));
        }
      }),
      { numRuns: 200 },
    );
  });
});
