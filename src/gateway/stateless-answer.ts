// Answers of a stateless lane as its 2026-07-28 caller must see them: the caller's own request id and progress token
// back in place of the lane's, `resultType` on every result (MCP "Overview" › ResultType: required from 2026-07-28;
// upstreams of earlier revisions omit it), the caching fields of list/read results (MCP "Caching": `ttlMs`,
// `cacheScope`), and the 2026-07-28 resource-not-found code.
import { JSONRPC } from "../errors.ts";

/** Results that are CacheableResult in 2026-07-28. */
const CACHEABLE: ReadonlySet<string> = new Set([
  "tools/list",
  "prompts/list",
  "resources/list",
  "resources/templates/list",
  "resources/read",
]);
/** The 2025 resource-not-found code, replaced by -32602 in 2026-07-28 (which must not emit -32002). */
const LEGACY_RESOURCE_NOT_FOUND = -32002;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The final answer for the caller: its id, and a result shaped for 2026-07-28. */
export function modernAnswer(message: Json, clientId: string | number, method: string): string {
  // Object.assign, not `{ ...message, id }`: see guards/audit-detail.ts for what that spread costs per answer.
  const answer: Json = Object.assign({}, message);
  answer.id = clientId;
  const result = answer.result;
  if (isObject(result)) {
    const shaped: Json = { ...result };
    if (typeof shaped.resultType !== "string") shaped.resultType = "complete";
    if (CACHEABLE.has(method)) {
      if (typeof shaped.ttlMs !== "number" || !(shaped.ttlMs >= 0)) shaped.ttlMs = 0;
      // The gateway filters and masks per principal, so no shared cache may serve this to anyone else.
      shaped.cacheScope = "private";
    }
    answer.result = shaped;
  }
  const error = answer.error;
  if (isObject(error) && error.code === LEGACY_RESOURCE_NOT_FOUND)
    answer.error = Object.assign({}, error, { code: JSONRPC.INVALID_PARAMS });
  return JSON.stringify(answer);
}

/** A progress notification for the caller, carrying its own progress token. */
export function modernProgress(message: Json, clientToken: unknown): string {
  const params = isObject(message.params) ? message.params : {};
  return JSON.stringify(
    Object.assign({}, message, { params: Object.assign({}, params, { progressToken: clientToken }) }),
  );
}
