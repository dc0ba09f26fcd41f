// Locates the shipped SQL (schema, seed, roles) from source (src/) and from the compiled build alike.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type SqlFile = "schema.sql" | "seed.sql" | "role.sql";

/** The examples/staging-db/sql directory: the nearest ancestor of this module holding sql/schema.sql. */
export function sqlDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, "sql");
    if (existsSync(join(candidate, "schema.sql"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("examples/staging-db/sql not found next to the server");
}

export function readSql(file: SqlFile): string {
  return readFileSync(join(sqlDirectory(), file), "utf8");
}
