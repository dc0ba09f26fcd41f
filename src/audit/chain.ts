// The audit hash chain (DESIGN.md "Audit event"): hash = SHA-256 over the canonical event without `hash`;
// prev = hash of the previous line; the first line's prev is GENESIS_HASH (64 zeros).
import { canonicalJson } from "./canonical.ts";
import type { AuditEvent } from "./event.ts";
import { sha256 } from "./sha256.ts";

/** `prev` of the first event of a log: 64 zeros (the same length as every other hash, so one format to check). */
export const GENESIS_HASH = "0".repeat(64);
export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Hex SHA-256 over the canonical JSON of the event without its `hash` member. */
export function eventHash(event: Omit<AuditEvent, "hash"> | AuditEvent): string {
  const { hash: _ignored, ...rest } = event as AuditEvent;
  return sha256Hex(canonicalJson(rest));
}

export function sha256Hex(text: string): string {
  return sha256(text, "hex");
}
