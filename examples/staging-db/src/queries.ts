// Every SQL statement staging-db runs: constants with bound parameters ($1…), never built from input (CWE-89).
// LIKE wildcards in user text are escaped before binding (see escapeLike), so a query string stays a literal.

export const SCHEMA = "app";
/** Tables the read-only role may SELECT; the role check refuses any other privilege. */
export const APPROVED_TABLES = ["users", "orders", "docs"] as const;
/** Maximum page size of list_orders_for_user (capped whatever the client asks). */
export const MAX_PAGE_SIZE = 20;

export const LOOKUP_USER_BY_EMAIL = "SELECT id, status FROM app.users WHERE email = lower($1)";

export const GET_ORDER =
  "SELECT id, user_id, status, total_cents, currency, note, created_at FROM app.orders WHERE id = $1";

/** Keyset pagination on (user_id, id): `$2` is the last id of the previous page, `$3` the page size + 1. */
export const LIST_ORDERS_FOR_USER =
  "SELECT id, status, total_cents, currency, created_at FROM app.orders " +
  "WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3";

export const SEARCH_DOCS =
  "SELECT id, title, body FROM app.docs WHERE title ILIKE $1 ESCAPE '\\' OR body ILIKE $1 ESCAPE '\\' " +
  "ORDER BY id LIMIT 5";

export const INSERT_TICKET = "INSERT INTO app.tickets (title, body) VALUES ($1, $2) RETURNING id";

/** `%text%` with LIKE metacharacters escaped, so `%` and `_` in the query match themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
