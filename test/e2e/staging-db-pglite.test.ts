// staging-db's embedded default (no DATABASE_URL): PGlite with the shipped schema, seed and roles. Reads are READ ONLY
// transactions under SET LOCAL ROLE mcp_readonly; tickets go through the separate writer role.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openPglite } from "../../examples/staging-db/src/pglite-database.ts";
import type { StagingDb } from "../../examples/staging-db/src/staging-db.ts";
import { McpError } from "../../src/mcp/sdk.ts";
import { type Connected, connectServer, jsonOf } from "./staging-db-helpers.ts";

// A private snapshot cache for this run (never the user's real cache), removed at the end.
const cacheDir = mkdtempSync(join(tmpdir(), "warden-staging-db-cache-"));
const cacheEnv = { STAGING_DB_PGLITE_CACHE_DIR: cacheDir };
after(() => rmSync(cacheDir, { recursive: true, force: true }));

describe("staging-db embedded PGlite: the database seam", { timeout: 300_000 }, () => {
  let db: StagingDb;
  before(async () => {
    db = await openPglite(cacheEnv);
  });
  after(async () => {
    await db?.close();
  });

  it("snapshots the initialised database for this user only", async () => {
    const [file] = await readdir(cacheDir);
    assert.match(file ?? "", /^staging-db-pglite-[0-9a-f]{16}\.tar\.gz$/);
    assert.equal(statSync(join(cacheDir, file ?? "")).mode & 0o077, 0);
  });

  it("reads as mcp_readonly in a read-only transaction", async () => {
    const [row] = await db.read("SELECT current_user AS who, current_setting('transaction_read_only') AS ro", []);
    assert.deepEqual(row, { who: "mcp_readonly", ro: "on" });
  });

  it("refuses writes and unapproved tables on the read path", async () => {
    await assert.rejects(db.read("INSERT INTO app.docs (id, title, body) VALUES (99, 'x', 'y')", []), /read-only/);
    await assert.rejects(db.read("SELECT * FROM app.tickets", []), /permission denied/);
  });

  it("writes tickets only through the narrow writer", async () => {
    const first = await db.tickets?.insert("Printer", "on fire");
    assert.equal(typeof first?.id, "number");
  });
});

describe("staging-db embedded PGlite over stdio", { timeout: 300_000 }, () => {
  let server: Connected;
  before(async () => {
    // Loads the snapshot written above (the start-up role check still runs on it).
    server = await connectServer(cacheEnv);
  });
  after(async () => {
    await server?.close();
  });

  it("serves the read tools with minimal, masked results", async () => {
    const { client } = server;
    assert.deepEqual(
      jsonOf(await client.callTool({ name: "lookup_user_by_email", arguments: { email: "bob@example.com" } })),
      { id: 1002, status: "active" },
    );
    const docs = JSON.stringify(
      jsonOf(await client.callTool({ name: "search_docs", arguments: { query: "runbook" } })),
    );
    assert.match(docs, /\[REDACTED:github-[a-z-]+#1\]/);
    assert.ok(!docs.includes("AKIAIOSFODNN7EXAMPLE"));
    const page = jsonOf(await client.callTool({ name: "list_orders_for_user", arguments: { user_id: 1001 } }));
    assert.equal((page.orders as unknown[]).length, 10);
    assert.equal(typeof page.next_cursor, "string");
    assert.match(server.stderr(), /embedded PGlite demo database, not a security boundary/);
  });

  it("fails closed on create_ticket for a client that cannot elicit", async () => {
    const err = await server.client.callTool({ name: "create_ticket", arguments: { title: "t", body: "b" } }).then(
      () => assert.fail("expected a refusal"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof McpError);
    assert.equal((err.data as { code: string }).code, "ERR_POLICY_CONFIRMATION_REQUIRED");
  });
});
