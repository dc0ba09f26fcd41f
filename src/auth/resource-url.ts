// The gateway's canonical resource URL (RFC 8707 §2, RFC 9728 `resource`): the audience every token must carry.
import type { Policy } from "../policy/schema.ts";

/**
 * `auth.oauth.audience` when OAuth is configured, else `listen.public_url`, else a URN naming the environment
 * (stdio or CLI-only use); warden tokens are bound to the same value.
 */
export function resourceUrl(policy: Policy): string {
  return policy.auth?.oauth?.audience ?? policy.listen?.public_url ?? `urn:mcp-warden:${policy.environment}`;
}
