// Resolves a tool's policy entry from its upstream and name: `upstream/tool`, or bare `tool` with a single upstream.
// Exact string match only — no case folding, Unicode normalisation or trimming (docker/mcp-gateway#549: case
// variants slipped through a case-insensitive allowlist). Lookups use own properties only, so a tool named
// "__proto__" or "constructor" never resolves to an Object.prototype member (CWE-1321).
import type { Policy, ToolPolicy } from "./schema.ts";

/**
 * True when bare `tool` keys apply to `upstream`: the policy names exactly this one upstream, or names none
 * (the upstream was given on the command line after `--`). DESIGN.md "CLI" (tool keys).
 */
export function bareKeysApply(policy: Policy, upstream: string): boolean {
  const names = Object.keys(policy.upstreams);
  return names.length === 0 || (names.length === 1 && names[0] === upstream);
}

/** The policy key that governs the tool, or undefined. A qualified key wins over a bare one. */
export function toolKeyFor(policy: Policy, upstream: string, tool: string): string | undefined {
  const qualified = `${upstream}/${tool}`;
  if (Object.hasOwn(policy.tools, qualified)) return qualified;
  if (bareKeysApply(policy, upstream) && Object.hasOwn(policy.tools, tool)) return tool;
  return undefined;
}

/** The tool's policy entry, or undefined when the policy does not list it. */
export function toolPolicyFor(policy: Policy, upstream: string, tool: string): ToolPolicy | undefined {
  const key = toolKeyFor(policy, upstream, tool);
  return key === undefined ? undefined : policy.tools[key];
}

/** True when a policy key written by the operator (e.g. a rate_limits `tool`) names this tool; "*" names every tool. */
export function keyNamesTool(policy: Policy, key: string, upstream: string, tool: string): boolean {
  if (key === "*" || key === `${upstream}/${tool}`) return true;
  return key === tool && bareKeysApply(policy, upstream);
}
