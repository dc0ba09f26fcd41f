// The database seam of staging-db: fixed, parameterised reads in READ ONLY transactions, and one narrow write.

export type Row = Record<string, unknown>;

/** A query runner used by the start-up role check (a pg client or PGlite). */
export type QueryFn = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

export interface StagingDb {
  readonly kind: "postgres" | "pglite";
  /** Runs one fixed statement with bound parameters in a READ ONLY transaction as the read-only role. */
  read(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /** The separate write path for tickets; undefined when no write role is configured. */
  readonly tickets: TicketWriter | undefined;
  close(): Promise<void>;
}

export interface TicketWriter {
  insert(title: string, body: string): Promise<{ id: number }>;
}

/** A refusal to start: printed as one line on stderr, exit code 1. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}
