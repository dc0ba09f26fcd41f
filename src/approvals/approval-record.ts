// The approval record of out-of-band confirmation (issue 6, `console` mode): what a waiting call asks a human to
// approve, and the decision bound to it. Records hold masked arguments and an HMAC fingerprint, never raw arguments.
import { randomBytes } from "node:crypto";

export const PENDING_PREFIX = "approvals/pending/";
export const DECISION_PREFIX = "approvals/decision/";
export const RECENT_PREFIX = "approvals/recent/";

/** The binding an approval is valid for: who called, which tool on which server, exactly which arguments, until when. */
export interface ApprovalBinding {
  id: string;
  principal: { iss: string; sub: string };
  tool: string;
  upstream: string;
  args_fp: string;
  /** Epoch milliseconds after which neither the request nor its approval is valid. */
  expires: number;
}

export interface ApprovalRequest extends ApprovalBinding {
  /** Arguments with secrets and PII masked, for the human (confirmation-message.ts). */
  masked_args: string;
  created: number;
  mode: "console";
}

export interface ApprovalDecision extends ApprovalBinding {
  decision: "approved" | "denied";
  by: string;
  decided: number;
}

/**
 * 128 random bits, URL- and store-key-safe (CWE-330: not guessable, so a decision cannot be pre-written). Hex, not
 * base64url: an id starting with "-" would be read as an option by `mcp-warden approvals approve ID`.
 */
export function newApprovalId(): string {
  return randomBytes(16).toString("hex");
}

const ID_PATTERN = /^[0-9a-f]{32}$/;

export function isApprovalId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Parses a stored record; anything malformed is treated as absent by callers (fail closed). */
export function parseRecord<T extends ApprovalBinding>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<T>;
    const ok =
      typeof value.id === "string" &&
      typeof value.tool === "string" &&
      typeof value.upstream === "string" &&
      typeof value.args_fp === "string" &&
      typeof value.expires === "number" &&
      typeof value.principal?.iss === "string" &&
      typeof value.principal?.sub === "string";
    return ok ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** True when a decision was made for exactly this request: same id, caller, tool, server, arguments and expiry. */
export function sameBinding(a: ApprovalBinding, b: ApprovalBinding): boolean {
  return (
    a.id === b.id &&
    a.principal.iss === b.principal.iss &&
    a.principal.sub === b.principal.sub &&
    a.tool === b.tool &&
    a.upstream === b.upstream &&
    a.args_fp === b.args_fp &&
    a.expires === b.expires
  );
}
