// Toolkit audit through the shared chained writer: DESIGN.md event format, verifiable chain, no argument values.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { z } from "zod";
import { createAuditLog } from "../audit/audit-log.ts";
import { verifyAuditLog } from "../audit/verify.ts";
import { Client, InMemoryTransport } from "../mcp/sdk.ts";
import { createSecureServer } from "./create-secure-server.ts";
import { defineTool } from "./define-tool.ts";
import { auditLogSink } from "./toolkit-audit.ts";

const echo = defineTool({
  name: "echo",
  description: "Echoes a word.",
  input: { word: z.string().max(50) },
  readOnly: true,
  handler: ({ word }) => ({ word }),
});

describe("toolkit audit through the chained audit log", () => {
  it("writes start/end and deny events that verify, without argument values", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warden-toolkit-audit-"));
    try {
      const file = join(dir, "audit.jsonl");
      const log = createAuditLog({
        file,
        hmacKey: "fake-test-key",
        failClosed: true,
        environment: "test",
        sync: false,
      });
      const server = createSecureServer({
        name: "audited",
        version: "1.0.0",
        tools: [echo],
        audit: { sink: auditLogSink(log), hmacKey: "fake-test-key", env: "test" },
        onError: () => {},
      });
      const client = new Client({ name: "c", version: "1.0.0" });
      const [ct, st] = InMemoryTransport.createLinkedPair();
      await server.connect(st);
      await client.connect(ct);
      await client.callTool({ name: "echo", arguments: { word: "swordfish" } });
      await client.callTool({ name: "nope", arguments: { word: "swordfish" } }).catch(() => {});
      await client.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await log.close();
      const lines = (await readFile(file, "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((e) => [e.tool, e.decision, e.outcome]),
        [
          ["echo", "allow", "started"],
          ["echo", "allow", "ok"],
          ["nope", "deny", "refused"],
        ],
      );
      assert.equal(lines[0].env, "test");
      assert.deepEqual(lines[0].principal, { sub: "local", iss: "local", client_id: null });
      assert.match(lines[1].args_fp, /^hmac-sha256:[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(lines).includes("swordfish"));
      const verified = await verifyAuditLog(file);
      assert.equal(verified.ok, true, JSON.stringify(verified));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses the call when the start event cannot be written (fail closed)", async () => {
    let ran = false;
    const guarded = defineTool({
      ...echo,
      handler: () => {
        ran = true;
        return {};
      },
    });
    const server = createSecureServer({
      name: "audited",
      version: "1.0.0",
      tools: [guarded],
      audit: { sink: { write: () => Promise.reject(new Error("disk full")) }, hmacKey: "fake-test-key" },
      onError: () => {},
    });
    const client = new Client({ name: "c", version: "1.0.0" });
    const [ct, st] = InMemoryTransport.createLinkedPair();
    await server.connect(st);
    await client.connect(ct);
    const err = await client.callTool({ name: "echo", arguments: { word: "x" } }).then(
      () => assert.fail("expected a refusal"),
      (e: { data?: { code?: string } }) => e,
    );
    assert.equal(err.data?.code, "ERR_AUDIT_UNAVAILABLE");
    assert.equal(ran, false);
  });
});
