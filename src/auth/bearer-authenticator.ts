// One entry point for the HTTP front: reads `Authorization: Bearer …` (RFC 6750 §2.1) and hands the token to the
// warden-token verifier or the OAuth verifier. The unverified `iss` only routes; the chosen verifier checks everything.
import { decodeJwt } from "jose";
import type { Principal } from "../guards/types.ts";
import type { Policy } from "../policy/schema.ts";
import type { WardenStore } from "../store/types.ts";
import { authError } from "./auth-error.ts";
import { type JwtVerifier, jwtVerifierFromPolicy } from "./jwt-verify.ts";
import { checkTokenSize } from "./token-claims.ts";
import { WARDEN_ISSUER, type WardenTokens } from "./warden-tokens.ts";
import { wardenTokensFromPolicy } from "./warden-tokens-from-policy.ts";

export interface BearerAuthenticator {
  /** Resolves the principal or throws a PolicyError (ERR_AUTH_REQUIRED / _INVALID_TOKEN / _WRONG_ENVIRONMENT / _UNAVAILABLE). */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

export function createBearerAuthenticator(verifiers: {
  oauth?: JwtVerifier;
  warden?: WardenTokens;
}): BearerAuthenticator {
  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === "") {
        throw authError("ERR_AUTH_REQUIRED", "no Authorization header");
      }
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw authError("ERR_AUTH_INVALID_TOKEN", "Authorization is not a Bearer token");
      checkTokenSize(token);
      // A warden token seen a moment ago is checked without decoding it again (decodeJwt is a measurable share of a call).
      const known = verifiers.warden?.verifyKnown(token);
      if (known) return known;
      const verifier = issuerOf(token) === WARDEN_ISSUER ? verifiers.warden : verifiers.oauth;
      if (!verifier) throw authError("ERR_AUTH_INVALID_TOKEN", "no verifier is configured for this token's issuer");
      return verifier.verify(token);
    },
  };
}

function issuerOf(token: string): string | undefined {
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === "string" ? iss : undefined;
  } catch {
    throw authError("ERR_AUTH_INVALID_TOKEN", "token is not a JWT");
  }
}

/** The authenticator for a policy's `auth` section; undefined when neither OAuth nor warden tokens are configured. */
export function bearerAuthenticatorFromPolicy(policy: Policy, store: WardenStore): BearerAuthenticator | undefined {
  const oauth = jwtVerifierFromPolicy(policy);
  const warden = wardenTokensFromPolicy(policy, store);
  if (!oauth && !warden) return undefined;
  return createBearerAuthenticator({ ...(oauth ? { oauth } : {}), ...(warden ? { warden } : {}) });
}
