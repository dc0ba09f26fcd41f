// Guard `json-limits`: nesting depth and string length of every parsed message, both directions
// (`defaults.max_depth`, `defaults.max_string_length`; CWE-400, CWE-674). Runs first in every phase, before
// any other guard walks the message.
//
// Exception: an oversized result that the size cap will truncate (on_oversize "truncate") skips the string
// check — a single long text is exactly what truncation is for; depth is still enforced.
import { checkJsonLimits, jsonLimitsOf } from "../mcp/json-limits.ts";
import { isCappedMethod, responseLimit } from "./size-cap.ts";
import type { Guard, MessageContext, Phase } from "./types.ts";

const ALL_PHASES: readonly Phase[] = [
  "request",
  "response",
  "server-request",
  "client-response",
  "client-notification",
  "server-notification",
];

function willBeTruncated(ctx: MessageContext): boolean {
  return (
    ctx.phase === "response" &&
    ctx.policy.defaults.on_oversize === "truncate" &&
    isCappedMethod(ctx.request?.method) &&
    ctx.bytes > responseLimit(ctx)
  );
}

export function jsonLimits(): Guard {
  function run(ctx: MessageContext): void {
    const limits = jsonLimitsOf(ctx.policy);
    if (willBeTruncated(ctx)) limits.skipStrings = true;
    checkJsonLimits(ctx.message, limits);
  }
  return { id: "json-limits", phases: ALL_PHASES, run };
}
