// e2e: a 2026-07-28 caller that closes its response stream cancels its request (MCP 2026-07-28 "Cancellation" over
// Streamable HTTP). Observed through the audit log: the call ends "cancelled", the lane keeps serving.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { createAuditLog } from "../../src/audit/audit-log.ts";
import { recorderFor } from "../../src/gateway/open-audit.ts";
import { JSON_HEADERS, raw, startHarness } from "./http-harness.ts";

const MODERN = "2026-07-28";
const META = {
  "io.modelcontextprotocol/protocolVersion": MODERN,
  "io.modelcontextprotocol/clientCapabilities": {},
};
const dir = mkdtempSync(join(tmpdir(), "warden-stateless-cancel-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function callBody(id: number, name: string, args: Record<string, unknown>): string {
  return JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args, _meta: META } });
}

function headers(token: string, name: string): Record<string, string> {
  const modern = { "mcp-protocol-version": MODERN, "mcp-method": "tools/call", "mcp-name": name };
  return { ...JSON_HEADERS, ...modern, authorization: `Bearer ${token}` };
}

/** Sends the request, then closes the connection after `ms` without reading an answer. */
function postAndHangUp(url: string, hdrs: Record<string, string>, body: string, ms: number): Promise<void> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: hdrs });
    req.on("error", () => resolve());
    req.on("close", () => resolve());
    req.end(body);
    setTimeout(() => req.destroy(), ms);
  });
}

async function auditEvents(file: string, until: (events: Record<string, unknown>[]) => boolean) {
  const deadline = Date.now() + 5000;
  for (;;) {
    let events: Record<string, unknown>[] = [];
    try {
      const lines = readFileSync(file, "utf8").trim().split("\n").filter(Boolean);
      events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    } catch {
      // not written yet
    }
    if (until(events) || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("a stateless caller hanging up cancels its call upstream; the lane keeps serving", {
  timeout: 60_000,
}, async () => {
  const file = join(dir, "audit.jsonl");
  // Fake audit key, for this test's own log.
  const log = createAuditLog({
    file,
    hmacKey: "fake-test-audit-key",
    failClosed: true,
    environment: "dev",
    sync: false,
  });
  const h = await startHarness({ audit: recorderFor(log, "default") });
  try {
    const { token } = await h.tokens.issue({ sub: "carol" });
    // The caller's lane (its upstream and handshake) is up before the call that will be cut off.
    const warm = await raw(h.front.url, {
      headers: headers(token, "echo"),
      body: callBody(9, "echo", { message: "w" }),
    });
    assert.equal(warm.status, 200);
    const slow = "trigger-long-running-operation";
    await postAndHangUp(h.front.url, headers(token, slow), callBody(1, slow, { duration: 5, steps: 5 }), 800);
    const events = await auditEvents(file, (es) => es.some((e) => e.tool === slow && e.outcome === "cancelled"));
    const forSlow = events.filter((e) => e.tool === slow).map((e) => e.outcome);
    assert.deepEqual(forSlow, ["forwarded", "cancelled"], "started, then ended by the hang-up (not by an answer)");
    const echo = await raw(h.front.url, {
      headers: headers(token, "echo"),
      body: callBody(2, "echo", { message: "still here" }),
    });
    assert.equal(echo.status, 200);
    assert.match(echo.body, /still here/);
  } finally {
    await h.front.close();
    await log.close();
  }
});
