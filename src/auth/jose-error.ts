// Maps jose verification failures to auth refusals: a bad token is 401 invalid_token; an issuer we cannot reach
// (JWKS fetch failed or timed out) is 503, so an outage is never mistaken for a bad token or, worse, for a good one.
import { errors } from "jose";
import { PolicyError } from "../errors.ts";
import { authError } from "./auth-error.ts";

const UNAVAILABLE = new Set(["ERR_JWKS_TIMEOUT", "ERR_JOSE_GENERIC", "ERR_JWKS_INVALID"]);

export function fromJoseError(err: unknown): PolicyError {
  if (err instanceof PolicyError) return err;
  if (err instanceof errors.JWTClaimValidationFailed) {
    return authError("ERR_AUTH_INVALID_TOKEN", `claim ${err.claim} check failed: ${err.reason}`);
  }
  if (err instanceof errors.JOSEError) {
    if (UNAVAILABLE.has(err.code)) return authError("ERR_AUTH_UNAVAILABLE", `key set unavailable: ${err.message}`);
    return authError("ERR_AUTH_INVALID_TOKEN", `${err.code}: ${err.message}`);
  }
  // Not a jose error: a network failure while fetching the key set, most likely. Fail closed.
  const detail = err instanceof Error ? err.message : String(err);
  return authError("ERR_AUTH_UNAVAILABLE", `verification failed: ${detail}`);
}
