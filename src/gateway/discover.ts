// `server/discover` (MCP 2026-07-28 "Discovery"), answered by the gateway itself: the versions this endpoint serves,
// and the upstream's own capabilities, identity and instructions from its initialize result (already through the
// response guards), narrowed to what the policy lets a client use and what the gateway delivers statelessly.
import type { Policy } from "../policy/schema.ts";
import { SUPPORTED_REVISIONS } from "./stateless-meta.ts";

/** Clients may reuse a discover result this long (a hint; `private`: it is per authorization context). */
export const DISCOVER_TTL_MS = 60_000;

type Json = Record<string, unknown>;

/**
 * Capability → the methods that use it; a capability whose methods the policy all denies is not advertised. Only
 * these are: `logging` messages cannot be tied to a request of a lane, and `experimental`/`extensions` need
 * mediation the gateway does not know.
 */
const CAPABILITY_METHODS: Record<string, readonly string[]> = {
  tools: ["tools/list", "tools/call"],
  prompts: ["prompts/list", "prompts/get"],
  resources: ["resources/list", "resources/read", "resources/templates/list"],
  completions: ["completion/complete"],
};
/**
 * Sub-flags that promise change notifications: in 2026-07-28 they arrive on a `subscriptions/listen` stream, which
 * the gateway does not offer yet, so it does not promise them.
 */
const NOTIFICATION_FLAGS: readonly string[] = ["listChanged", "subscribe"];

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function allowedCapabilities(upstream: unknown, policy: Policy): Json {
  const denied = new Set(policy.methods?.deny ?? []);
  const out: Json = {};
  if (!isObject(upstream)) return out;
  for (const [name, methods] of Object.entries(CAPABILITY_METHODS)) {
    const value = upstream[name];
    if (!isObject(value)) continue;
    if (methods.every((m) => denied.has(m))) continue;
    const kept: Json = { ...value };
    for (const flag of NOTIFICATION_FLAGS) delete kept[flag];
    out[name] = kept;
  }
  return out;
}

/** The DiscoverResult for the upstream's initialize result. */
export function discoverResult(initialize: Json, policy: Policy): Json {
  const result: Json = {
    resultType: "complete",
    supportedVersions: [...SUPPORTED_REVISIONS],
    capabilities: allowedCapabilities(initialize.capabilities, policy),
    ttlMs: DISCOVER_TTL_MS,
    cacheScope: "private",
  };
  if (typeof initialize.instructions === "string") result.instructions = initialize.instructions;
  if (isObject(initialize.serverInfo)) result._meta = { "io.modelcontextprotocol/serverInfo": initialize.serverInfo };
  return result;
}
