// Builds the client-facing refusals of the identity layer. The safe message goes to the client; the precise reason
// (expired, wrong audience, revoked …) is kept in `cause` for operator logs and audit, never sent on the wire.
import { type ErrorCode, JSONRPC, PolicyError } from "../errors.ts";

const STATUS: Partial<Record<ErrorCode, number>> = {
  ERR_AUTH_REQUIRED: 401,
  ERR_AUTH_INVALID_TOKEN: 401,
  ERR_AUTH_WRONG_ENVIRONMENT: 401,
  ERR_AUTH_INSUFFICIENT_SCOPE: 403,
  ERR_AUTH_SESSION_MISMATCH: 403,
  ERR_AUTH_UNAVAILABLE: 503,
};

/** A refusal with the HTTP status the front will use (RFC 6750 §3.1: invalid_token 401, insufficient_scope 403). */
export function authError(code: ErrorCode, reason: string, data?: Record<string, unknown>): PolicyError {
  const err = new PolicyError(code, {
    httpStatus: STATUS[code] ?? 401,
    jsonRpcCode: JSONRPC.INVALID_REQUEST,
    ...(data ? { data } : {}),
  });
  err.cause = new Error(reason);
  return err;
}

/** The operator-facing reason recorded by authError(), or undefined. */
export function authReason(err: unknown): string | undefined {
  if (!(err instanceof PolicyError)) return undefined;
  return err.cause instanceof Error ? err.cause.message : undefined;
}
