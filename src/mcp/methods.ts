// The protocol facts the gateway governs: which methods exist in the MCP revisions 2024-11-05 … 2026-07-28, and who may
// send them. A method outside these lists is "unknown" and follows `defaults.methods` (DESIGN.md "How a message flows").

export const PROTOCOL_REVISIONS = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"] as const;

/** Requests a client may send to a server (union of all revisions; 2026-07-28 adds server/discover, drops ping). */
export const CLIENT_REQUESTS: ReadonlySet<string> = new Set([
  "initialize",
  "ping",
  "server/discover",
  "tools/list",
  "tools/call",
  "resources/list",
  "resources/templates/list",
  "resources/read",
  "resources/subscribe",
  "resources/unsubscribe",
  "prompts/list",
  "prompts/get",
  "completion/complete",
  "logging/setLevel",
  "tasks/get",
  "tasks/list",
  "tasks/result",
  "tasks/cancel",
]);

/** Notifications a client may send. */
export const CLIENT_NOTIFICATIONS: ReadonlySet<string> = new Set([
  "notifications/initialized",
  "notifications/cancelled",
  "notifications/progress",
  "notifications/roots/list_changed",
  "notifications/tasks/status",
]);

/** Requests a server may send to a client. */
export const SERVER_REQUESTS: ReadonlySet<string> = new Set([
  "ping",
  "sampling/createMessage",
  "roots/list",
  "elicitation/create",
  "tasks/get",
  "tasks/list",
  "tasks/result",
  "tasks/cancel",
]);

/** Notifications a server may send. */
export const SERVER_NOTIFICATIONS: ReadonlySet<string> = new Set([
  "notifications/cancelled",
  "notifications/progress",
  "notifications/message",
  "notifications/resources/updated",
  "notifications/resources/list_changed",
  "notifications/tools/list_changed",
  "notifications/prompts/list_changed",
  "notifications/elicitation/complete",
  "notifications/tasks/status",
]);

/** Methods whose calls are audited (the ones that act on or return data). */
export const AUDITED_METHODS: ReadonlySet<string> = new Set([
  "tools/call",
  "resources/read",
  "prompts/get",
  "sampling/createMessage",
  "elicitation/create",
]);
