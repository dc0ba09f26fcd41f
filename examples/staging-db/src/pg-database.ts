// staging-db on a real PostgreSQL: the read-only role from DATABASE_URL (verified at start-up, refused when it can
// write) and, optionally, the narrow ticket writer from TICKETS_DATABASE_URL (verified to hold INSERT on tickets only).
import pg from "pg";
import { APPROVED_TABLES, INSERT_TICKET, SCHEMA } from "./queries.ts";
import { type QueryFn, type Row, type StagingDb, StartupError, type TicketWriter } from "./staging-db.ts";
import { describeRoleProblem, type RoleExpectation, verifyRole } from "./verify-role.ts";

const READ_EXPECTATION: RoleExpectation = {
  schema: SCHEMA,
  tables: Object.fromEntries(APPROVED_TABLES.map((t) => [t, ["SELECT"]])),
};
const WRITE_EXPECTATION: RoleExpectation = { schema: SCHEMA, tables: { tickets: ["INSERT"] } };
const STATEMENT_TIMEOUT = "5s";

export async function openPostgres(readUrl: string, ticketsUrl: string | undefined): Promise<StagingDb> {
  const reader = await openPool(readUrl, "DATABASE_URL", 4);
  const writer = ticketsUrl === undefined ? undefined : await openPool(ticketsUrl, "TICKETS_DATABASE_URL", 1);
  try {
    await checkRole(reader, READ_EXPECTATION, "read-only", "DATABASE_URL");
    if (writer !== undefined)
      await checkRole(writer, WRITE_EXPECTATION, "a ticket-only writer", "TICKETS_DATABASE_URL");
  } catch (err) {
    await Promise.allSettled([reader.end(), writer?.end()]);
    throw err;
  }
  return {
    kind: "postgres",
    read: (sql, params) => readOnly(reader, sql, params),
    tickets: writer === undefined ? undefined : ticketWriter(writer),
    close: async () => {
      await Promise.allSettled([reader.end(), writer?.end()]);
    },
  };
}

async function openPool(url: string, envName: string, max: number): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    // The driver's message names host/database problems; the URL itself (with a password) is never printed.
    throw new StartupError(`cannot connect with ${envName}: ${firstLine(err)}`);
  }
  return pool;
}

async function checkRole(pool: pg.Pool, expect: RoleExpectation, purpose: string, envName: string): Promise<void> {
  const query: QueryFn = async (sql, params) => (await pool.query(sql, params as unknown[])).rows as Row[];
  const problem = describeRoleProblem(await verifyRole(query, expect), purpose);
  if (problem !== undefined) {
    throw new StartupError(`refusing to start: ${envName} ${problem} (see examples/staging-db/sql/role.sql)`);
  }
}

/** Every read in its own READ ONLY transaction with a statement timeout: a second line of defence after the role. */
async function readOnly(pool: pg.Pool, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = '${STATEMENT_TIMEOUT}'`);
    const result = await client.query(sql, params as unknown[]);
    await client.query("COMMIT");
    return result.rows as Row[];
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

function ticketWriter(pool: pg.Pool): TicketWriter {
  return {
    async insert(title, body) {
      const result = await pool.query(INSERT_TICKET, [title, body]);
      return { id: Number(result.rows[0]?.id) };
    },
  };
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split("\n")[0] ?? "").slice(0, 200) || "connection failed";
}
