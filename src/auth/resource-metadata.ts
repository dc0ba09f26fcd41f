// OAuth 2.0 Protected Resource Metadata (RFC 9728) and the Bearer challenges (RFC 6750 §3, RFC 9728 §5.1) the HTTP
// front sends: 401 points the client at the metadata; 403 insufficient_scope names the scopes to step up to.
import type { PolicyError } from "../errors.ts";
import type { Policy } from "../policy/schema.ts";

export const WELL_KNOWN = "/.well-known/oauth-protected-resource";

export interface ResourceMetadataOptions {
  resource: string;
  authorizationServers: readonly string[];
  scopesSupported?: readonly string[] | undefined;
  resourceName?: string | undefined;
}

/** The metadata document (RFC 9728 §2); tokens are accepted only in the Authorization header (RFC 6750 §2.1). */
export function protectedResourceMetadata(opts: ResourceMetadataOptions): Record<string, unknown> {
  return {
    resource: opts.resource,
    authorization_servers: [...opts.authorizationServers],
    bearer_methods_supported: ["header"],
    ...(opts.scopesSupported?.length ? { scopes_supported: [...opts.scopesSupported] } : {}),
    ...(opts.resourceName ? { resource_name: opts.resourceName } : {}),
  };
}

/** Request paths serving the document: path-inserted (RFC 9728 §3.1) first, then the root form older clients try. */
export function metadataPaths(resource: string): string[] {
  const path = new URL(resource).pathname.replace(/\/$/, "");
  return path ? [`${WELL_KNOWN}${path}`, WELL_KNOWN] : [WELL_KNOWN];
}

/** Absolute URL of the metadata for `resource_metadata` in challenges (path-inserted form). */
export function resourceMetadataUrl(resource: string): string {
  return new URL(metadataPaths(resource)[0] ?? WELL_KNOWN, resource).href;
}

export interface ChallengeOptions {
  resourceMetadata: string;
  error?: "invalid_request" | "invalid_token" | "insufficient_scope" | undefined;
  description?: string | undefined;
  scopes?: readonly string[] | undefined;
}

/** RFC 7230 quoted-string: escape backslash and quote; control characters are dropped (header injection, CWE-113). */
function quoted(value: string): string {
  return `"${value.replace(/[\x00-\x1f\x7f]/g, "").replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function bearerChallenge(opts: ChallengeOptions): string {
  const params = [`resource_metadata=${quoted(opts.resourceMetadata)}`];
  if (opts.error) params.push(`error=${quoted(opts.error)}`);
  if (opts.description) params.push(`error_description=${quoted(opts.description)}`);
  if (opts.scopes?.length) params.push(`scope=${quoted(opts.scopes.join(" "))}`);
  return `Bearer ${params.join(", ")}`;
}

/**
 * HTTP status and WWW-Authenticate value for an auth refusal. No token at all gets no error code (RFC 6750 §3.1);
 * `scopes` are the ones the refused request needs (sent with insufficient_scope so the client can step up).
 */
export function challengeFor(
  err: PolicyError,
  resourceMetadata: string,
  scopes?: readonly string[],
): { status: number; header: string | undefined } {
  const status = err.httpStatus ?? 401;
  if (err.code === "ERR_AUTH_INSUFFICIENT_SCOPE") {
    return { status: 403, header: bearerChallenge({ resourceMetadata, error: "insufficient_scope", scopes }) };
  }
  if (err.code === "ERR_AUTH_REQUIRED") return { status: 401, header: bearerChallenge({ resourceMetadata }) };
  if (status === 401) {
    return { status, header: bearerChallenge({ resourceMetadata, error: "invalid_token", description: err.message }) };
  }
  return { status, header: undefined };
}

/** The metadata a policy implies: its OAuth issuer and audience, and every scope named by a tool. */
export function metadataFromPolicy(policy: Policy): Record<string, unknown> | undefined {
  const oauth = policy.auth?.oauth;
  if (!oauth) return undefined;
  const scopes = new Set(Object.values(policy.tools).flatMap((t) => t.scopes));
  return protectedResourceMetadata({
    resource: oauth.audience,
    authorizationServers: [oauth.issuer],
    scopesSupported: [...scopes].sort(),
  });
}
