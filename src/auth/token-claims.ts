// Reads the identity claims shared by OAuth access tokens (RFC 9068 §2.2) and warden tokens into a Principal.
import type { JWTPayload } from "jose";
import type { Principal } from "../guards/types.ts";
import { authError } from "./auth-error.ts";

/** Bearer tokens larger than this are refused before any parsing (bounded input, CWE-400). */
export const MAX_TOKEN_BYTES = 8192;

export function checkTokenSize(token: string): void {
  if (token.length === 0 || token.length > MAX_TOKEN_BYTES) {
    throw authError("ERR_AUTH_INVALID_TOKEN", `token length ${token.length} outside 1..${MAX_TOKEN_BYTES}`);
  }
}

/** Scopes from `scope` (space-separated string, RFC 8693 §4.2 / RFC 9068) or `scp` (array or string, common IdPs). */
export function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  if (typeof raw === "string") return raw.split(" ").filter((s) => s.length > 0);
  if (Array.isArray(raw) && raw.every((s) => typeof s === "string")) return [...raw];
  if (raw === undefined) return [];
  throw authError("ERR_AUTH_INVALID_TOKEN", "scope claim is neither a string nor an array of strings");
}

export function principalOf(payload: JWTPayload, environment: string | undefined): Principal {
  if (typeof payload.sub !== "string" || payload.sub.length === 0) {
    throw authError("ERR_AUTH_INVALID_TOKEN", "token has no sub claim");
  }
  if (typeof payload.iss !== "string") throw authError("ERR_AUTH_INVALID_TOKEN", "token has no iss claim");
  const clientId = payload.client_id ?? payload.azp;
  return {
    sub: payload.sub,
    iss: payload.iss,
    client_id: typeof clientId === "string" ? clientId : undefined,
    scopes: scopesOf(payload),
    environment,
  };
}
