// Guard `write-back`: a tools/call whose arguments contain a redaction placeholder `[REDACTED:<detector>#<n>]` is
// refused. A masked value must never travel back to a server: the server would store or act on the placeholder
// instead of the real value (silent data corruption), and accepting it would invite probing of the mapping.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcRequest } from "../mcp/jsonrpc.ts";
import { addAuditDetail } from "./audit-detail.ts";
import type { Guard, MessageContext } from "./types.ts";

/**
 * The placeholder shape of DESIGN.md "Placeholders", tolerant of case and inner spacing a model may introduce.
 * Bounded repetitions over disjoint classes: linear-time.
 */
export const PLACEHOLDER_PATTERN = /\[ ?redacted ?: ?[a-z0-9_.-]{1,64} ?# ?\d{1,9} ?\]/i;
/** Arguments nested deeper than this are refused by the argument guard already; here we fail closed. */
const MAX_DEPTH = 64;

export function writeBack(): Guard {
  return {
    id: "write-back",
    phases: ["request"],
    run(ctx: MessageContext) {
      const req = ctx.message as JsonRpcRequest;
      if (req.method !== "tools/call") return;
      if (containsPlaceholder(req.params?.arguments, 0)) {
        addAuditDetail(ctx, "write_back", "placeholder-in-arguments");
        throw new PolicyError("ERR_POLICY_ARGS_PLACEHOLDER", { jsonRpcCode: JSONRPC.INVALID_PARAMS });
      }
    },
  };
}

/** True when any string leaf or object key under `value` contains a placeholder. Too deep to inspect: refused. */
export function containsPlaceholder(value: unknown, depth: number): boolean {
  if (typeof value === "string") return value.includes("[") && PLACEHOLDER_PATTERN.test(value);
  if (typeof value !== "object" || value === null) return false;
  if (depth >= MAX_DEPTH) throw new PolicyError("ERR_POLICY_TOO_DEEP", { jsonRpcCode: JSONRPC.INVALID_PARAMS });
  if (Array.isArray(value)) return value.some((v) => containsPlaceholder(v, depth + 1));
  for (const [key, child] of Object.entries(value)) {
    if (PLACEHOLDER_PATTERN.test(key) || containsPlaceholder(child, depth + 1)) return true;
  }
  return false;
}
