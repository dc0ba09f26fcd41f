// Scope checks against the caller's token (SDK `extra.authInfo.scopes`); over stdio the local user holds `localScopes`.
import { PolicyError } from "../errors.ts";
import type { AuthInfo } from "../mcp/sdk.ts";

/** The scopes the caller holds: the token's when there is one, otherwise the server's local (stdio) grant. */
export function callerScopes(authInfo: AuthInfo | undefined, localScopes: readonly string[]): readonly string[] {
  return authInfo === undefined ? localScopes : authInfo.scopes;
}

/** True when every required scope is held; exact, case-sensitive match (RFC 6749 §3.3). */
export function hasScopes(required: readonly string[], held: readonly string[]): boolean {
  return required.every((scope) => held.includes(scope));
}

/** Throws ERR_AUTH_INSUFFICIENT_SCOPE unless every required scope is held. */
export function requireScopes(required: readonly string[], held: readonly string[]): void {
  if (!hasScopes(required, held)) throw new PolicyError("ERR_AUTH_INSUFFICIENT_SCOPE", { jsonRpcCode: -32602 });
}
