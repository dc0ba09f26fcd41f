// The embedded default (no DATABASE_URL): PGlite in memory with the shipped schema, seed and roles. Reads run in
// READ ONLY transactions under SET LOCAL ROLE mcp_readonly; tickets under SET LOCAL ROLE mcp_tickets_writer.
// A demonstration, not a security boundary: PGlite's session is a superuser underneath (see README.md).
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { APPROVED_TABLES, INSERT_TICKET, SCHEMA } from "./queries.ts";
import { readSql } from "./sql-files.ts";
import { type QueryFn, type Row, type StagingDb, StartupError } from "./staging-db.ts";
import { describeRoleProblem, verifyRole } from "./verify-role.ts";

export async function openPglite(): Promise<StagingDb> {
  const db = new PGlite();
  await db.exec(readSql("schema.sql"));
  await db.exec(readSql("seed.sql"));
  await db.exec(readSql("role.sql"));
  await checkReadOnlyRole(db);
  return {
    kind: "pglite",
    read: (sql, params) =>
      db.transaction(async (tx) => {
        await tx.query("SET TRANSACTION READ ONLY");
        await tx.query("SET LOCAL ROLE mcp_readonly");
        return (await tx.query<Row>(sql, params as unknown[])).rows;
      }),
    tickets: {
      insert: (title, body) =>
        db.transaction(async (tx) => {
          await tx.query("SET LOCAL ROLE mcp_tickets_writer");
          const result = await tx.query<{ id: number | string }>(INSERT_TICKET, [title, body]);
          return { id: Number(result.rows[0]?.id) };
        }),
    },
    close: () => db.close(),
  };
}

// The same start-up check as on PostgreSQL, run as mcp_readonly, so a bad edit of role.sql is caught here too.
async function checkReadOnlyRole(db: PGlite): Promise<void> {
  const problem = await db.transaction(async (tx: Transaction) => {
    await tx.query("SET LOCAL ROLE mcp_readonly");
    const query: QueryFn = async (sql, params) => (await tx.query<Row>(sql, params as unknown[])).rows;
    const tables = Object.fromEntries(APPROVED_TABLES.map((t) => [t, ["SELECT"]]));
    return describeRoleProblem(await verifyRole(query, { schema: SCHEMA, tables }), "read-only");
  });
  if (problem !== undefined) throw new StartupError(`refusing to start: embedded ${problem}`);
}
