// Start-up check that the connected role has exactly the privileges staging-db needs and nothing that can write
// (least privilege, CWE-250/CWE-269): attributes, memberships, table privileges, and CREATE on schema/database.
import type { QueryFn } from "./staging-db.ts";

export interface RoleExpectation {
  schema: string;
  /** Table → privileges the role must hold (and may hold). Every other table privilege is offending. */
  tables: Record<string, readonly string[]>;
}

const TABLE_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"] as const;
// Predefined roles that grant writes or server-side file/program access whatever the table ACLs say.
const DANGEROUS_ROLES = ["pg_write_all_data", "pg_write_server_files", "pg_execute_server_program"];

export interface RoleReport {
  role: string;
  /** Privileges the role must not have, e.g. "superuser", "INSERT on app.users", "CREATE on schema app". */
  offending: string[];
  /** Privileges the role needs and lacks, e.g. "SELECT on app.docs". */
  missing: string[];
}

export async function verifyRole(query: QueryFn, expect: RoleExpectation): Promise<RoleReport> {
  const [me] = await query(
    "SELECT current_user AS role, rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = current_user",
  );
  const offending: string[] = [];
  if (me?.rolsuper === true) offending.push("superuser");
  if (me?.rolbypassrls === true) offending.push("BYPASSRLS");
  if (me?.rolcreaterole === true) offending.push("CREATEROLE");
  // A superuser is a member of every role; listing them would only bury the one fact that matters.
  if (me?.rolsuper !== true) offending.push(...(await memberships(query)));
  const held = await tablePrivileges(query, expect.schema);
  const missing: string[] = [];
  for (const [table, privileges] of Object.entries(expect.tables)) {
    for (const p of privileges)
      if (!held.has(`${p} on ${expect.schema}.${table}`)) missing.push(`${p} on ${expect.schema}.${table}`);
  }
  const allowed = new Set(
    Object.entries(expect.tables).flatMap(([table, ps]) => ps.map((p) => `${p} on ${expect.schema}.${table}`)),
  );
  for (const privilege of held) if (!allowed.has(privilege)) offending.push(privilege);
  offending.push(...(await createPrivileges(query, expect.schema)));
  return { role: String(me?.role ?? "unknown"), offending, missing };
}

async function memberships(query: QueryFn): Promise<string[]> {
  const rows = await query(
    "SELECT r.rolname, r.rolsuper, r.rolbypassrls FROM pg_roles r " +
      "WHERE r.rolname <> current_user AND pg_has_role(current_user, r.oid, 'MEMBER') " +
      "AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolname = ANY($1))",
    [DANGEROUS_ROLES],
  );
  return rows.map((r) => `membership in role ${String(r.rolname)}${r.rolsuper === true ? " (superuser)" : ""}`);
}

async function tablePrivileges(query: QueryFn, schema: string): Promise<Set<string>> {
  // Column-level INSERT/UPDATE/REFERENCES count too (has_any_column_privilege); SELECT is judged per table.
  const rows = await query(
    "SELECT c.relname, p.priv FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
      "CROSS JOIN unnest($2::text[]) AS p(priv) " +
      "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND CASE " +
      "WHEN p.priv IN ('INSERT', 'UPDATE', 'REFERENCES') THEN has_any_column_privilege(c.oid, p.priv) " +
      "ELSE has_table_privilege(c.oid, p.priv) END ORDER BY c.relname, array_position($2::text[], p.priv)",
    [schema, TABLE_PRIVILEGES],
  );
  return new Set(rows.map((r) => `${String(r.priv)} on ${schema}.${String(r.relname)}`));
}

async function createPrivileges(query: QueryFn, schema: string): Promise<string[]> {
  const [row] = await query(
    "SELECT (SELECT has_schema_privilege(n.oid, 'CREATE') FROM pg_namespace n WHERE n.nspname = $1) AS on_schema, " +
      "has_database_privilege(current_database(), 'CREATE') AS on_database, current_database() AS db",
    [schema],
  );
  const out: string[] = [];
  if (row?.on_schema === true) out.push(`CREATE on schema ${schema}`);
  if (row?.on_database === true) out.push(`CREATE on database ${String(row.db)}`);
  return out;
}

/** One line naming what is wrong, or undefined when the role is as expected. */
export function describeRoleProblem(report: RoleReport, purpose: string): string | undefined {
  if (report.offending.length > 0) {
    return `role "${report.role}" is not ${purpose}: it has ${listed(report.offending)}`;
  }
  if (report.missing.length > 0) return `role "${report.role}" lacks ${listed(report.missing)}`;
  return undefined;
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, 4).join(", ");
  return items.length > 4 ? `${shown} and ${items.length - 4} more` : shown;
}
