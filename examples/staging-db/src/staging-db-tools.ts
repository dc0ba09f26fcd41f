// The five tools of staging-db (the guide's example server): one action each, fixed SQL, minimal results.
import { z } from "zod";
import { type AnyToolDefinition, defineTool } from "../../../src/server/index.ts";
import { decodeCursor, encodeCursor } from "./order-cursor.ts";
import {
  containsPattern,
  GET_ORDER,
  LIST_ORDERS_FOR_USER,
  LOOKUP_USER_BY_EMAIL,
  MAX_PAGE_SIZE,
  SEARCH_DOCS,
} from "./queries.ts";
import type { Row, StagingDb } from "./staging-db.ts";

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function stagingDbTools(db: StagingDb): AnyToolDefinition[] {
  const tools: AnyToolDefinition[] = [lookupUserByEmail(db), getOrder(db), listOrdersForUser(db), searchDocs(db)];
  if (db.tickets !== undefined) tools.push(createTicket(db.tickets));
  return tools;
}

function lookupUserByEmail(db: StagingDb) {
  return defineTool({
    name: "lookup_user_by_email",
    description: "Find a user by email address. Returns only the user id and account status.",
    input: { email: z.email().max(254).describe("The user's email address") },
    scopes: ["users:read"],
    readOnly: true,
    response: { fields: ["id", "status"] },
    handler: async ({ email }) => {
      const [row] = await db.read(LOOKUP_USER_BY_EMAIL, [email]);
      return row === undefined ? { id: null, status: "not_found" } : { id: Number(row.id), status: row.status };
    },
  });
}

function getOrder(db: StagingDb) {
  return defineTool({
    name: "get_order",
    description: "Get one order by its numeric id.",
    input: { order_id: id.describe("The order id") },
    scopes: ["orders:read"],
    readOnly: true,
    handler: async ({ order_id }) => {
      const [row] = await db.read(GET_ORDER, [order_id]);
      return row === undefined ? { found: false } : { found: true, order: orderOf(row) };
    },
  });
}

function listOrdersForUser(db: StagingDb) {
  return defineTool({
    name: "list_orders_for_user",
    description: `List a user's orders, oldest first, ${MAX_PAGE_SIZE} at most per page. Pass next_cursor to continue.`,
    input: {
      user_id: id.describe("The user id"),
      cursor: z.string().max(64).optional().describe("next_cursor from the previous page"),
      page_size: z.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe(`1 to ${MAX_PAGE_SIZE}, default 10`),
    },
    scopes: ["orders:read"],
    readOnly: true,
    handler: async ({ user_id, cursor, page_size }) => {
      const size = Math.min(page_size ?? 10, MAX_PAGE_SIZE);
      // One extra row tells whether another page exists without a count query.
      const rows = await db.read(LIST_ORDERS_FOR_USER, [user_id, decodeCursor(cursor), size + 1]);
      const page = rows.slice(0, size).map(orderOf);
      const last = page.at(-1);
      return { orders: page, next_cursor: rows.length > size && last ? encodeCursor(last.id) : null };
    },
  });
}

function searchDocs(db: StagingDb) {
  return defineTool({
    name: "search_docs",
    description: "Search the internal documentation by words in the title or body (at most 5 results).",
    input: { query: z.string().trim().min(2).max(200).describe("Words to look for") },
    scopes: ["docs:read"],
    readOnly: true,
    handler: async ({ query }) => {
      const rows = await db.read(SEARCH_DOCS, [containsPattern(query)]);
      return { results: rows.map((r) => ({ id: Number(r.id), title: String(r.title), body: String(r.body) })) };
    },
  });
}

function createTicket(tickets: NonNullable<StagingDb["tickets"]>) {
  return defineTool({
    name: "create_ticket",
    description: "Open a support ticket. Needs the user's confirmation.",
    input: {
      title: z.string().trim().min(1).max(200).describe("Short summary"),
      body: z.string().max(4000).describe("Details"),
    },
    scopes: ["tickets:write"],
    confirm: "elicit",
    handler: async ({ title, body }) => ({ ticket_id: (await tickets.insert(title, body)).id }),
  });
}

function orderOf(row: Row) {
  return {
    id: Number(row.id),
    ...(row.user_id === undefined ? {} : { user_id: Number(row.user_id) }),
    status: String(row.status),
    total_cents: Number(row.total_cents),
    currency: String(row.currency),
    ...(row.note === undefined ? {} : { note: String(row.note) }),
    created_at: row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at),
  };
}
