// Builds the warden-token issuer/verifier a policy describes (`auth.warden_tokens`), bound to its environment.
import { ConfigError } from "../errors.ts";
import { durationMs } from "../policy/duration.ts";
import type { Policy } from "../policy/schema.ts";
import type { WardenStore } from "../store/types.ts";
import { resourceUrl } from "./resource-url.ts";
import { loadSigningKey } from "./signing-key.ts";
import { createWardenTokens, type WardenTokens } from "./warden-tokens.ts";

/** Undefined when the policy has no `auth.warden_tokens` section. */
export function wardenTokensFromPolicy(policy: Policy, store: WardenStore): WardenTokens | undefined {
  const config = policy.auth?.warden_tokens;
  if (!config) return undefined;
  const defaultTtlMs = durationMs(config.default_ttl);
  const maxTtlMs = durationMs(config.max_ttl);
  if (defaultTtlMs > maxTtlMs) {
    throw new ConfigError("ERR_CONFIG_INVALID", "default_ttl is longer than max_ttl", {
      key: "auth.warden_tokens.default_ttl",
    });
  }
  return createWardenTokens({
    key: loadSigningKey(config.signing_key),
    environment: policy.environment,
    audience: resourceUrl(policy),
    store,
    defaultTtlMs,
    maxTtlMs,
    clockSkewMs: policy.auth?.oauth ? durationMs(policy.auth.oauth.clock_skew) : undefined,
  });
}
