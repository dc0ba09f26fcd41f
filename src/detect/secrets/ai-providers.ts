// API keys of other AI inference providers: Groq, Replicate, Perplexity, xAI, OpenRouter, LangSmith, Mistral, Cohere.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { charClasses, shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern, prefixedPattern } from "./token-pattern.ts";

function prefixed(id: string, prefix: string, body: string, what: string): Detector {
  return defineSecret({
    id,
    description: `${what} (${prefix})`,
    keywords: [prefix],
    pattern: prefixedPattern(prefix, body),
    validate: (value) => shannonEntropy(value.slice(prefix.length)) >= 3,
  });
}

export const groqApiKey = prefixed("groq-api-key", "gsk_", "[A-Za-z0-9]{52}", "Groq API key");
export const replicateApiToken = prefixed("replicate-api-token", "r8_", "[A-Za-z0-9]{37}", "Replicate API token");
export const perplexityApiKey = prefixed("perplexity-api-key", "pplx-", "[A-Za-z0-9]{48}", "Perplexity API key");
export const xaiApiKey = prefixed("xai-api-key", "xai-", "[A-Za-z0-9]{80}", "xAI (Grok) API key");
export const openrouterApiKey = prefixed("openrouter-api-key", "sk-or-v1-", "[a-f0-9]{64}", "OpenRouter API key");
export const langsmithApiKey = prefixed(
  "langsmith-api-key",
  "lsv2_",
  "(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
  "LangSmith API key",
);

// Mistral and Cohere keys carry no prefix: only a value assigned to a name of theirs is recognised.
function assignedKey(id: string, key: string, length: number, what: string, keywords: string[]): Detector {
  return defineSecret({
    id,
    description: `${what} (${length} alphanumerics assigned to a ${keywords[0]} key name)`,
    keywords,
    pattern: assignedPattern(key, `[A-Za-z0-9]{${length}}`, keywords),
    group: 1,
    validate: (value) => charClasses(value) >= 2 && shannonEntropy(value) >= 3.5 && !isPlaceholder(value),
  });
}

export const mistralApiKey = assignedKey("mistral-api-key", "mistral", 32, "Mistral AI API key", ["mistral"]);
export const cohereApiKey = assignedKey("cohere-api-key", "cohere|co[_.-]api[_.-]?key", 40, "Cohere API key", [
  "cohere",
  "co_api",
  "co-api",
  "co.api",
]);

export const AI_PROVIDER_DETECTORS: readonly Detector[] = [
  groqApiKey,
  replicateApiToken,
  perplexityApiKey,
  xaiApiKey,
  openrouterApiKey,
  langsmithApiKey,
  mistralApiKey,
  cohereApiKey,
];
