// e2e attack cases against the HTTP front: each is refused with the right status and never reaches the upstream
// (no session, hence no upstream child, is created).
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, test } from "node:test";
import { type Harness, initializeBody, JSON_HEADERS, raw, startHarness } from "./http-harness.ts";

describe("HTTP front attack cases", { timeout: 60_000 }, () => {
  let h: Harness;
  let valid: string;
  before(async () => {
    h = await startHarness({ maxSessions: 2 });
    valid = (await h.tokens.issue({ sub: "alice", scopes: ["math:use"] })).token;
  });
  after(async () => {
    await h.front.close();
  });

  const post = (headers: Record<string, string>, body = initializeBody()) =>
    raw(h.front.url, { headers: { ...JSON_HEADERS, ...headers }, body });

  test("a foreign Host or Origin gets 403 (DNS rebinding)", async () => {
    const auth = { authorization: `Bearer ${valid}` };
    assert.equal((await post({ ...auth, host: "evil.example" })).status, 403);
    assert.equal((await post({ ...auth, host: "attacker.example:80" })).status, 403);
    assert.equal((await post({ ...auth, origin: "http://evil.example" })).status, 403);
    assert.equal(h.front.sessionCount, 0);
  });

  test("an oversized body gets 413", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { pad: "x".repeat(20_000) } });
    const res = await post({ authorization: `Bearer ${valid}` }, big);
    assert.equal(res.status, 413);
    assert.equal(h.front.sessionCount, 0);
  });

  test("alg:none, wrong audience, expired, garbage and missing tokens get 401 with a challenge", async () => {
    const [, payload] = valid.split(".");
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const wrongAud = (await h.foreignAudience.issue({ sub: "alice" })).token;
    const expired = (await h.expired.issue({ sub: "alice", ttlMs: 60_000 })).token;
    const cases: Record<string, string | undefined> = {
      "alg none": `Bearer ${header}.${payload}.`,
      "wrong audience": `Bearer ${wrongAud}`,
      expired: `Bearer ${expired}`,
      garbage: "Bearer abc.def.ghi",
      basic: "Basic dXNlcjpwYXNz",
      missing: undefined,
    };
    for (const [name, authorization] of Object.entries(cases)) {
      const res = await post(authorization ? { authorization } : {});
      assert.equal(res.status, 401, name);
      assert.match(String(res.headers["www-authenticate"]), /^Bearer resource_metadata="/, name);
    }
    assert.equal(h.front.sessionCount, 0, "no upstream was started");
  });

  test("unknown protocol versions and batches get 400", async () => {
    const auth = { authorization: `Bearer ${valid}` };
    assert.equal((await post({ ...auth, "mcp-protocol-version": "1999-01-01" })).status, 400);
    assert.equal((await post(auth, `[${initializeBody()}]`)).status, 400);
    assert.equal((await post(auth, "{not json")).status, 400);
    assert.equal((await post({ ...auth, "mcp-method": "tools/call" })).status, 400, "Mcp-Method mismatch");
    assert.equal(h.front.sessionCount, 0);
  });

  test("the session count is bounded", async () => {
    const auth = { authorization: `Bearer ${valid}` };
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await post(auth);
      assert.equal(res.status, 200, res.body);
      ids.push(res.headers["mcp-session-id"] as string);
    }
    assert.equal((await post(auth)).status, 503);
    for (const id of ids) {
      const del = await raw(h.front.url, { method: "DELETE", headers: { ...auth, "mcp-session-id": id } });
      assert.equal(del.status, 200);
    }
    assert.equal(h.front.sessionCount, 0);
  });

  test("a slow-loris client sending headers byte by byte is cut off in bounded time", async () => {
    const url = new URL(h.front.url);
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname);
    const headers = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${valid}\r\nX-Pad: ${"a".repeat(200)}\r\n`;
    let i = 0;
    const drip = setInterval(() => {
      if (i < headers.length && !socket.destroyed) socket.write(headers[i++] as string);
    }, 50);
    const closedAfter = await new Promise<number>((resolve) => {
      socket.on("error", () => undefined);
      socket.once("close", () => resolve(Date.now() - started));
      setTimeout(() => resolve(Number.POSITIVE_INFINITY), 8000).unref();
    });
    clearInterval(drip);
    socket.destroy();
    // header_timeout is 1s; Node checks every second: cut within ~2s, far before the headers were complete (~26s).
    assert.ok(closedAfter < 4000, `closed after ${closedAfter} ms`);
  });
});
