// staging-db on the machine's real PostgreSQL: writable roles are refused at start-up naming the privilege, the
// read-only role serves every tool over stdio, and crafted inputs cannot write or escape the fixed queries.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { verifyRole } from "../../examples/staging-db/src/verify-role.ts";
import { McpError } from "../../src/mcp/sdk.ts";
import {
  type Connected,
  connectServer,
  createTestDatabase,
  jsonOf,
  pgAvailable,
  runUntilExit,
  shippedRoles,
  type TestDatabase,
} from "./staging-db-helpers.ts";

const available = await pgAvailable();
const READ_GRANTS = "GRANT USAGE ON SCHEMA app TO $ROLE; GRANT SELECT ON app.users, app.orders, app.docs TO $ROLE;";

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const { rows } = await db.admin.query(
    "SELECT (SELECT count(*) FROM app.users)::int AS users, (SELECT count(*) FROM app.orders)::int AS orders, " +
      "(SELECT count(*) FROM app.docs)::int AS docs, (SELECT count(*) FROM app.tickets)::int AS tickets",
  );
  return rows[0] as Record<string, number>;
}

describe("staging-db on PostgreSQL", { skip: !available, timeout: 600_000 }, () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  describe("start-up role check", () => {
    const refusals: Array<[string, string, string, string, RegExp]> = [
      ["superuser", "su", "", "SUPERUSER", /superuser/],
      ["INSERT", "ins", `${READ_GRANTS} GRANT INSERT ON app.orders TO $ROLE;`, "", /INSERT on app\.orders/],
      ["CREATE", "crt", `${READ_GRANTS} GRANT CREATE ON SCHEMA app TO $ROLE;`, "", /CREATE on schema app/],
    ];
    for (const [label, suffix, setup, attributes, expected] of refusals) {
      it(`refuses to start with a role that has ${label}`, async () => {
        const role = await db.role(suffix, setup, attributes);
        const { code, stderr } = await runUntilExit({ DATABASE_URL: db.url(role) });
        assert.equal(code, 1);
        assert.match(stderr, expected);
        assert.match(stderr, /refusing to start/);
        assert.ok(!/\n\s+at /.test(stderr), `stack trace in: ${stderr}`);
        assert.equal(stderr.trim().split("\n").length, 1, `exactly one line: ${stderr}`);
      });
    }

    it("refuses a ticket writer that can do more than INSERT into tickets", async () => {
      const { ro } = shippedRoles(db);
      const { code, stderr } = await runUntilExit({ DATABASE_URL: db.url(ro), TICKETS_DATABASE_URL: db.url(ro) });
      assert.equal(code, 1);
      assert.match(stderr, /TICKETS_DATABASE_URL role "[^"]+" is not a ticket-only writer: it has SELECT on app\.docs/);
    });

    it("names every other offending privilege kind (in-process check)", async () => {
      const cases: Array<[string, string, string, string]> = [
        ["rls", "", "BYPASSRLS", "BYPASSRLS"],
        ["upd", "GRANT UPDATE (status) ON app.orders TO $ROLE;", "", "UPDATE on app.orders"],
        ["del", "GRANT DELETE ON app.users TO $ROLE;", "", "DELETE on app.users"],
        ["trn", "GRANT TRUNCATE ON app.docs TO $ROLE;", "", "TRUNCATE on app.docs"],
        ["ref", "GRANT REFERENCES ON app.users TO $ROLE;", "", "REFERENCES on app.users"],
        ["trg", "GRANT TRIGGER ON app.orders TO $ROLE;", "", "TRIGGER on app.orders"],
        ["wad", "GRANT pg_write_all_data TO $ROLE;", "NOINHERIT", "membership in role pg_write_all_data"],
      ];
      for (const [suffix, setup, attributes, expected] of cases) {
        const role = await db.role(suffix, `${READ_GRANTS} ${setup}`, attributes);
        const client = new pg.Client({ connectionString: db.url(role) });
        await client.connect();
        try {
          const tables = { users: ["SELECT"], orders: ["SELECT"], docs: ["SELECT"] };
          const report = await verifyRole(async (sql, params) => (await client.query(sql, params as unknown[])).rows, {
            schema: "app",
            tables,
          });
          assert.ok(report.offending.includes(expected), `${suffix}: ${JSON.stringify(report)}`);
        } finally {
          await client.end();
        }
      }
    });
  });

  describe("the read-only role over stdio", () => {
    let server: Connected;
    let before0: Record<string, number>;
    before(async () => {
      const { ro, tw } = shippedRoles(db);
      before0 = await counts(db);
      server = await connectServer({ DATABASE_URL: db.url(ro), TICKETS_DATABASE_URL: db.url(tw) }, () => ({
        action: "accept",
        content: { approve: true },
      }));
    });
    after(async () => {
      await server?.close();
    });

    it("serves every tool", async () => {
      const { client } = server;
      const names = (await client.listTools()).tools.map((t) => t.name).sort();
      assert.deepEqual(names, [
        "create_ticket",
        "get_order",
        "list_orders_for_user",
        "lookup_user_by_email",
        "search_docs",
      ]);
      const user = await client.callTool({ name: "lookup_user_by_email", arguments: { email: "alice@example.com" } });
      assert.deepEqual(jsonOf(user), { id: 1001, status: "active" });
      const order = jsonOf(await client.callTool({ name: "get_order", arguments: { order_id: 60001 } }));
      assert.equal((order.order as { id: number }).id, 60001);
      assert.ok(!JSON.stringify(order).includes("bob.private@example.com"), "PII masked in the order note");
      const docs = jsonOf(await client.callTool({ name: "search_docs", arguments: { query: "deploy" } }));
      assert.ok(!JSON.stringify(docs).includes("ghp_FAKE"), "the fake token is masked");
      const ticket = jsonOf(
        await client.callTool({ name: "create_ticket", arguments: { title: "Hello", body: "World" } }),
      );
      assert.equal(typeof ticket.ticket_id, "number");
      assert.equal(server.prompts.length, 1);
    });

    it("paginates with a capped page size and an opaque cursor", async () => {
      const seen: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const args = { user_id: 1001, page_size: 20, ...(cursor ? { cursor } : {}) };
        const body = jsonOf(await server.client.callTool({ name: "list_orders_for_user", arguments: args }));
        const orders = body.orders as Array<{ id: number }>;
        assert.ok(orders.length <= 20);
        seen.push(...orders.map((o) => o.id));
        if (body.next_cursor === null) break;
        cursor = String(body.next_cursor);
      }
      assert.equal(seen.length, 45);
      assert.equal(new Set(seen).size, 45);
    });

    it("rejects crafted inputs without writing or escaping the fixed queries", async () => {
      const { client } = server;
      const refusedCode = async (name: string, args: Record<string, unknown>) => {
        const err = await client.callTool({ name, arguments: args }).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (err instanceof McpError) return (err.data as { code: string }).code;
        return (err as { structuredContent?: { error?: { code: string } } }).structuredContent?.error?.code ?? "none";
      };
      const invalid: Array<[string, Record<string, unknown>]> = [
        ["lookup_user_by_email", { email: "alice@example.com' OR '1'='1" }],
        ["lookup_user_by_email", { email: "alice@example.com", sql: "DELETE FROM app.users" }],
        ["lookup_user_by_email", { email: `${"a".repeat(300)}@example.com` }],
        ["get_order", { order_id: "1 OR 1=1" }],
        ["get_order", { order_id: 1e30 }],
        ["list_orders_for_user", { user_id: 1001, page_size: 1000 }],
        ["list_orders_for_user", { user_id: 1001, cursor: "'; DROP TABLE app.orders; --" }],
        [
          "list_orders_for_user",
          { user_id: 1001, cursor: Buffer.from("o:1; DROP TABLE app.orders").toString("base64url") },
        ],
        ["search_docs", { query: "x".repeat(10_000) }],
        ["create_ticket", { title: "t", body: "b".repeat(5000) }],
        ["create_ticket", { title: "t", body: "b", confirm: true }],
      ];
      for (const [name, args] of invalid) {
        assert.equal(
          await refusedCode(name, args),
          "ERR_POLICY_ARGS_INVALID",
          `${name} ${JSON.stringify(args).slice(0, 80)}`,
        );
      }
      assert.equal(await refusedCode("run_sql", { sql: "DROP TABLE app.users" }), "ERR_POLICY_TOOL_NOT_ALLOWED");
      const injected = jsonOf(
        await client.callTool({ name: "search_docs", arguments: { query: "x'; DELETE FROM app.docs; --" } }),
      );
      assert.deepEqual(injected.results, []);
      const wildcard = jsonOf(await client.callTool({ name: "search_docs", arguments: { query: "%%" } }));
      assert.deepEqual(wildcard.results, [], "LIKE wildcards are matched literally");
      const ticket = "'); DROP TABLE app.tickets; --";
      await client.callTool({ name: "create_ticket", arguments: { title: ticket, body: "x" } });
      const stored = await db.admin.query("SELECT title FROM app.tickets ORDER BY id DESC LIMIT 1");
      assert.equal(stored.rows[0]?.title, ticket, "stored literally");
      const now = await counts(db);
      assert.deepEqual({ ...now, tickets: 0 }, { ...before0, tickets: 0 });
      assert.equal(now.tickets, (before0.tickets ?? 0) + 2);
    });

    it("the shipped read-only role cannot write even outside the server", async () => {
      const client = new pg.Client({ connectionString: db.url(shippedRoles(db).ro) });
      await client.connect();
      try {
        await assert.rejects(
          client.query("INSERT INTO app.tickets (title, body) VALUES ('x', 'y')"),
          /permission denied/,
        );
        await assert.rejects(client.query("SELECT * FROM app.tickets"), /permission denied/);
        await assert.rejects(client.query("CREATE TABLE app.evil (id int)"), /permission denied/);
      } finally {
        await client.end();
      }
    });
  });
});
