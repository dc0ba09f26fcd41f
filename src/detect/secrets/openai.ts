// OpenAI API keys: every current form carries the T3BlbkFJ marker (base64 of "OpenAI") in the middle.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { prefixedPattern } from "./token-pattern.ts";

// One character class, no literal in the middle: "x{16,200}T3BlbkFJx{16,200}" would backtrack ~200² steps per
// attempt on adversarial input. The marker is checked by the validator instead.
const BODY = "[A-Za-z0-9_-]{40,400}";
const MARKER = "T3BlbkFJ";

function openai(id: string, prefix: string, what: string): Detector {
  return defineSecret({
    id,
    description: `OpenAI ${what} (${prefix}…T3BlbkFJ…)`,
    keywords: [prefix],
    pattern: prefixedPattern(prefix, BODY),
    validate: (value) => value.includes(MARKER, prefix.length + 16),
  });
}

export const openaiProjectKey = openai("openai-project-key", "sk-proj-", "project API key");
export const openaiServiceAccountKey = openai("openai-service-account-key", "sk-svcacct-", "service account key");
export const openaiAdminKey = openai("openai-admin-key", "sk-admin-", "admin API key");

export const openaiLegacyKey = defineSecret({
  id: "openai-legacy-key",
  description: "OpenAI user API key, legacy form (sk- + 20 + T3BlbkFJ + 20)",
  // "sk-", where every match starts, rather than the T3BlbkFJ marker 23 characters in: the engine then tries the
  // pattern only at its occurrences instead of a full-text pass (~20 µs per 64 KiB document).
  keywords: ["sk-"],
  pattern: prefixedPattern("sk-", "[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}"),
});

export const OPENAI_DETECTORS: readonly Detector[] = [
  openaiProjectKey,
  openaiServiceAccountKey,
  openaiAdminKey,
  openaiLegacyKey,
];
