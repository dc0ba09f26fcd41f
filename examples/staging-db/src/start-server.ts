// Starts staging-db over stdio: picks the database (DATABASE_URL or the embedded PGlite), checks the role,
// builds the secure server and connects it. Logs go to stderr only; stdout carries the MCP stream.
import { StdioServerTransport } from "../../../src/mcp/sdk.ts";
import { createSecureServer } from "../../../src/server/index.ts";
import { openPostgres } from "./pg-database.ts";
import { openPglite } from "./pglite-database.ts";
import type { StagingDb } from "./staging-db.ts";
import { stagingDbTools } from "./staging-db-tools.ts";

export const STAGING_DB_VERSION = "0.1.0";

export interface StartedServer {
  db: StagingDb;
  close(): Promise<void>;
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<StartedServer> {
  const db = await openDatabase(env);
  const tools = stagingDbTools(db);
  const server = createSecureServer({
    name: "staging-db",
    version: STAGING_DB_VERSION,
    instructions: "Read-only access to the staging database: users, orders and docs. create_ticket needs confirmation.",
    tools,
    // Over stdio the principal is the local user who launched the server; the gateway in front enforces scopes.
    localScopes: [...new Set(tools.flatMap((t) => t.scopes ?? []))],
    // Generous here so a gateway's smaller policy cap is what the demo shows; still bounded.
    maxResponseBytes: 1_048_576,
    redact: env.STAGING_DB_REDACT !== "off",
    confirm: { paramFallback: env.STAGING_DB_CONFIRM_FALLBACK === "param" },
  });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  log(`staging-db ${STAGING_DB_VERSION} ready on stdio (${describe(db)}, ${tools.length} tools)`);
  if (db.tickets === undefined) log("TICKETS_DATABASE_URL is not set: create_ticket is not offered");
  return {
    db,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

async function openDatabase(env: NodeJS.ProcessEnv): Promise<StagingDb> {
  const url = env.DATABASE_URL;
  if (url === undefined || url === "") return openPglite(env);
  const tickets = env.TICKETS_DATABASE_URL;
  return openPostgres(url, tickets === "" ? undefined : tickets);
}

function describe(db: StagingDb): string {
  return db.kind === "pglite"
    ? "embedded PGlite demo database, not a security boundary"
    : "PostgreSQL, read-only role verified";
}

function log(line: string): void {
  process.stderr.write(`staging-db: ${line}\n`);
}
