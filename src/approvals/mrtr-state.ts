// Integrity-protected requestState for `mrtr` confirmation (MCP 2026-07-28 "Multi Round-Trip Requests"): the gateway
// hands the client an opaque state bound to (principal, tool, upstream, args_fp, expiry) and MACs it (HMAC-SHA256,
// RFC 2104), so a model or client can neither forge it, alter the call it covers, nor use it after expiry. Single use
// is enforced by the caller with the store (see mrtr-confirmation.ts), since a MAC alone cannot stop a replay.
import { createHmac, timingSafeEqual } from "node:crypto";
import { type ApprovalBinding, newApprovalId, sameBinding } from "./approval-record.ts";

const VERSION = "wmrtr1";
const MAX_STATE_CHARS = 2048;

export function sealState(key: Buffer | string, binding: Omit<ApprovalBinding, "id">, id = newApprovalId()): string {
  const payload = Buffer.from(JSON.stringify({ ...binding, id }), "utf8").toString("base64url");
  return `${VERSION}.${payload}.${mac(key, payload)}`;
}

export type OpenOutcome =
  | { ok: true; binding: ApprovalBinding }
  | { ok: false; reason: "malformed" | "bad-mac" | "mismatch" | "expired" };

/** Verifies the MAC first (nothing of an unauthenticated state is trusted), then the binding and the expiry. */
export function openState(
  key: Buffer | string,
  state: unknown,
  expected: Omit<ApprovalBinding, "id" | "expires">,
  now: number,
): OpenOutcome {
  if (typeof state !== "string" || state.length > MAX_STATE_CHARS) return { ok: false, reason: "malformed" };
  const parts = state.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: "malformed" };
  const [, payload = "", tag = ""] = parts;
  const want = Buffer.from(mac(key, payload));
  const got = Buffer.from(tag);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: "bad-mac" };
  let binding: ApprovalBinding;
  try {
    binding = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as ApprovalBinding;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!sameBinding(binding, { ...expected, id: binding.id, expires: binding.expires }))
    return { ok: false, reason: "mismatch" };
  if (!(typeof binding.expires === "number" && binding.expires > now)) return { ok: false, reason: "expired" };
  return { ok: true, binding };
}

function mac(key: Buffer | string, payload: string): string {
  return createHmac("sha256", key).update(`${VERSION}.${payload}`).digest("base64url");
}
