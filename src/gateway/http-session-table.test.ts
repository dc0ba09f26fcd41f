// Tests for the HTTP session table: random ids, principal binding, bound count, idle expiry.
// (Stand-in session objects here; the e2e tests exercise the same paths with real sessions.)
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Principal } from "../guards/types.ts";
import type { HttpSession } from "./http-session.ts";
import { HttpSessionTable, newSessionId } from "./http-session-table.ts";

function fakeSession(id: string, principal: Principal, idle = true): HttpSession & { wasClosed: boolean } {
  const s = {
    id,
    principal,
    idle,
    lastSeen: Date.now(),
    wasClosed: false,
    async close() {
      s.wasClosed = true;
    },
  };
  return s as unknown as HttpSession & { wasClosed: boolean };
}

const alice: Principal = { sub: "alice", iss: "https://idp.example", scopes: [] };

test("session ids are 256-bit base64url and distinct", () => {
  const ids = new Set(Array.from({ length: 100 }, newSessionId));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{43}$/);
});

test("a session is found only by the principal that created it (same iss and sub)", () => {
  const table = new HttpSessionTable({ maxSessions: 2, idleMs: 60_000 });
  table.add(fakeSession("s1", alice));
  assert.equal(table.lookup("s1", { ...alice, scopes: ["x"] }).ok, true);
  assert.equal(table.lookup("s1", { ...alice, sub: "mallory" }).ok, false);
  assert.equal(table.lookup("s1", { ...alice, iss: "https://evil.example" }).ok, false);
  assert.equal(table.lookup("nope", alice).ok, false);
  void table.closeAll();
});

test("the table reports full at maxSessions", () => {
  const table = new HttpSessionTable({ maxSessions: 1, idleMs: 60_000 });
  assert.equal(table.full, false);
  table.add(fakeSession("s1", alice));
  assert.equal(table.full, true);
  void table.closeAll();
});

test("idle sessions are closed after idleMs; busy ones are kept", async () => {
  const table = new HttpSessionTable({ maxSessions: 5, idleMs: 50 });
  const idle = fakeSession("idle", alice);
  const busy = fakeSession("busy", alice, false);
  idle.lastSeen = busy.lastSeen = Date.now() - 1000;
  table.add(idle);
  table.add(busy);
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(idle.wasClosed, true);
  assert.equal(busy.wasClosed, false);
  await table.closeAll();
});
