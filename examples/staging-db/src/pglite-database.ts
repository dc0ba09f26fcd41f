// The embedded default (no DATABASE_URL): PGlite in memory with the shipped schema, seed and roles. Reads run in
// READ ONLY transactions under SET LOCAL ROLE mcp_readonly; tickets under SET LOCAL ROLE mcp_tickets_writer.
// A demonstration, not a security boundary: PGlite's session is a superuser underneath (see README.md).
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { readSnapshot, snapshotPath, writeSnapshot } from "./pglite-snapshot.ts";
import { APPROVED_TABLES, INSERT_TICKET, SCHEMA } from "./queries.ts";
import { readSql } from "./sql-files.ts";
import { type QueryFn, type Row, type StagingDb, StartupError } from "./staging-db.ts";
import { describeRoleProblem, verifyRole } from "./verify-role.ts";

export async function openPglite(env: NodeJS.ProcessEnv = {}): Promise<StagingDb> {
  const db = await createDatabase(env);
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

// From the per-user snapshot when there is a usable one; otherwise initdb + the shipped SQL, then snapshot it.
async function createDatabase(env: NodeJS.ProcessEnv): Promise<PGlite> {
  const sql = [readSql("schema.sql"), readSql("seed.sql"), readSql("role.sql")];
  const path = snapshotPath(env, sql);
  const snapshot = path === undefined ? undefined : await readSnapshot(path);
  if (snapshot !== undefined) {
    const cached = new PGlite({ loadDataDir: snapshot });
    const ok = await cached.waitReady.then(
      () => true,
      () => false,
    );
    if (ok) return cached;
  }
  const db = new PGlite();
  for (const text of sql) await db.exec(text);
  if (path !== undefined) await writeSnapshot(db, path).catch(() => {});
  return db;
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
