// Resolves the redaction mode per detector category for a call: `tools.<key>.redact`, else `defaults.redact`.
// A list names the categories to mask (the others are off); an object sets modes per category, and a category it
// omits keeps the mode the defaults give it (so `{ secrets: block }` on a tool leaves PII as the defaults say).
import type { DetectorCategory } from "../detect/types.ts";
import type { Policy, RedactSetting } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";

export type RedactMode = "mask" | "block" | "off";
export type CategoryModes = Record<DetectorCategory, RedactMode>;

/** Modes of a setting; `base` fills categories an object setting omits. */
export function modesOf(setting: RedactSetting, base: CategoryModes): CategoryModes {
  if (Array.isArray(setting)) {
    return { secret: setting.includes("secrets") ? "mask" : "off", pii: setting.includes("pii") ? "mask" : "off" };
  }
  return { secret: setting.secrets ?? base.secret, pii: setting.pii ?? base.pii };
}

/** The modes that apply to a message; `tool` is set for tools/call responses. */
export function redactModesFor(policy: Policy, upstream: string, tool: string | undefined): CategoryModes {
  // An object in `defaults` that omits a category masks it: absent configuration never turns protection off.
  const defaults = modesOf(policy.defaults.redact, { secret: "mask", pii: "mask" });
  const override = tool === undefined ? undefined : toolPolicyFor(policy, upstream, tool)?.redact;
  return override === undefined ? defaults : modesOf(override, defaults);
}
