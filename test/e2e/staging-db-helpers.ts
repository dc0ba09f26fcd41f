// Shared helpers of the staging-db end-to-end tests: a throwaway PostgreSQL database with unique roles, and the
// real server spawned over stdio (from source, through tsx) with the official SDK client.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Client, ElicitRequestSchema, type ElicitResult, StdioClientTransport } from "../../src/mcp/sdk.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVER = ["--import", "tsx", "examples/staging-db/src/server.ts"];
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  name: string;
  /** Connection URL for `role` in the test database (trust auth on this machine). */
  url(role: string): string;
  admin: pg.Client;
  /** Creates a role with a unique name; `setup` is SQL run as admin with `$ROLE` replaced by that name. */
  role(suffix: string, setup?: string, attributes?: string): Promise<string>;
  drop(): Promise<void>;
}

/** Reachable PostgreSQL, or undefined (the caller skips loudly; under CI=true it fails instead). */
export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    if (process.env.CI === "true") throw new Error(`PostgreSQL not reachable at ${new URL(ADMIN_URL).host} (CI=true)`);
    console.error(
      `\n*** SKIPPING staging-db PostgreSQL tests: PostgreSQL not reachable at ${new URL(ADMIN_URL).host} ***\n`,
    );
    return false;
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const tag = randomBytes(4).toString("hex");
  const name = `warden_test_${tag}`;
  const root = new pg.Client({ connectionString: ADMIN_URL });
  await root.connect();
  await root.query(`CREATE DATABASE ${name}`);
  await root.end();
  const base = new URL(ADMIN_URL);
  const url = (role: string) => {
    const u = new URL(base.href);
    u.username = role;
    u.password = "";
    u.pathname = `/${name}`;
    return u.href;
  };
  const admin = new pg.Client({ connectionString: url(base.username || "postgres") });
  await admin.connect();
  const roles: string[] = [];
  const sql = (file: string) => readFileSync(`${ROOT}examples/staging-db/sql/${file}`, "utf8");
  await admin.query(sql("schema.sql"));
  await admin.query(sql("seed.sql"));
  // The shipped role.sql, with cluster-unique role names so parallel runs never collide.
  const ro = `wt_${tag}_ro`;
  const tw = `wt_${tag}_tw`;
  roles.push(ro, tw);
  await admin.query(sql("role.sql").replaceAll("mcp_readonly", ro).replaceAll("mcp_tickets_writer", tw));
  return {
    name,
    url,
    admin,
    async role(suffix, setup = "", attributes = "") {
      const role = `wt_${tag}_${suffix}`;
      roles.push(role);
      await admin.query(`CREATE ROLE ${role} LOGIN ${attributes}`);
      await admin.query(`GRANT CONNECT ON DATABASE ${name} TO ${role}`);
      if (setup !== "") await admin.query(setup.replaceAll("$ROLE", role));
      return role;
    },
    async drop() {
      await admin.end().catch(() => {});
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        for (const role of roles) await cleanup.query(`DROP ROLE IF EXISTS ${role}`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** The read-only and ticket-writer role names created from role.sql for `db`. */
export function shippedRoles(db: TestDatabase): { ro: string; tw: string } {
  const tag = db.name.replace("warden_test_", "");
  return { ro: `wt_${tag}_ro`, tw: `wt_${tag}_tw` };
}

/** Runs the server until it exits (a refused start) and returns its exit code and stderr. */
export function runUntilExit(
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, SERVER, { cwd: ROOT, env: { ...serverEnv(), ...env }, stdio: "pipe" });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

export interface Connected {
  client: Client;
  prompts: string[];
  stderr: () => string;
  close(): Promise<void>;
}

/** Spawns the server and connects the official SDK client; `elicit` answers confirmations (omit: no capability). */
export async function connectServer(env: Record<string, string>, elicit?: () => ElicitResult): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: SERVER,
    cwd: ROOT,
    env: { ...serverEnv(), ...env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const capabilities = elicit === undefined ? {} : { elicitation: { form: {} } };
  const client = new Client({ name: "staging-db-e2e", version: "1.0.0" }, { capabilities });
  const prompts: string[] = [];
  if (elicit !== undefined) {
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      prompts.push(request.params.message);
      return elicit();
    });
  }
  await client.connect(transport, { timeout: 120_000 });
  return { client, prompts, stderr: () => stderr, close: () => client.close() };
}

// Only what the server needs: no inherited DATABASE_URL from the test runner's own environment.
function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "LANG", "TMPDIR"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Text of a tool result, parsed as JSON. */
export function jsonOf(result: unknown): Record<string, unknown> {
  const content = (result as { content: Array<{ text?: string }> }).content;
  return JSON.parse(content[0]?.text ?? "null") as Record<string, unknown>;
}
