// Who is calling over HTTP: a Bearer token (OAuth JWT or warden token) when `auth` is configured, else the verified
// TLS client certificate (mTLS), else an anonymous principal that holds no scopes. Refusals become 401/403 with the
// RFC 6750 / RFC 9728 challenge. The client's token is used here only and never forwarded upstream.
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { BearerAuthenticator } from "../auth/bearer-authenticator.ts";
import { principalFromTlsSocket } from "../auth/mtls-identity.ts";
import { challengeFor } from "../auth/resource-metadata.ts";
import { PolicyError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";

/** Unauthenticated HTTP callers: not "local", so tools that need scopes stay closed to them (fail closed). */
export const ANONYMOUS: Principal = { sub: "anonymous", iss: "urn:mcp-warden:anonymous", scopes: [] };

export interface HttpAuthOptions {
  bearer?: BearerAuthenticator | undefined;
  mtls?: { principalFrom: "san" | "subject"; environment: string } | undefined;
  /** Absolute URL of the protected-resource metadata, for WWW-Authenticate. */
  resourceMetadataUrl(): string;
}

export interface HttpRefusal {
  status: number;
  headers: Record<string, string>;
  error: PolicyError;
}

export async function principalOfRequest(req: IncomingMessage, opts: HttpAuthOptions): Promise<Principal> {
  if (opts.bearer) return opts.bearer.authenticate(req.headers.authorization);
  if (opts.mtls) return principalFromTlsSocket(req.socket as TLSSocket, opts.mtls);
  return ANONYMOUS;
}

/** HTTP status and headers for an auth refusal; any other error is an internal one (fail closed). */
export function refusalOf(err: unknown, opts: HttpAuthOptions, scopes?: readonly string[]): HttpRefusal {
  const error = err instanceof PolicyError ? err : new PolicyError("ERR_AUTH_UNAVAILABLE", { httpStatus: 503 });
  const { status, header } = challengeFor(error, opts.resourceMetadataUrl(), scopes);
  return { status, headers: header ? { "www-authenticate": header } : {}, error };
}

/** Maps an answer carrying an auth refusal (e.g. from the authorize guard) to its HTTP status and challenge. */
export function answerStatusOf(
  message: Record<string, unknown>,
  opts: HttpAuthOptions,
): { status: number; headers: Record<string, string> } {
  const error = message.error as { data?: { code?: unknown; scope?: unknown } } | undefined;
  const code = error?.data?.code;
  if (code !== "ERR_AUTH_INSUFFICIENT_SCOPE" && code !== "ERR_AUTH_WRONG_ENVIRONMENT")
    return { status: 200, headers: {} };
  const scope = typeof error?.data?.scope === "string" ? error.data.scope.split(" ").filter(Boolean) : undefined;
  const status = code === "ERR_AUTH_INSUFFICIENT_SCOPE" ? 403 : 401;
  const { headers } = refusalOf(new PolicyError(code, { httpStatus: status }), opts, scope);
  return { status, headers };
}
