// Anthropic API and Admin API keys (sk-ant-api03- / sk-ant-admin01-, 93 chars then "AA").
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const anthropicApiKey = defineSecret({
  id: "anthropic-api-key",
  description: "Anthropic API key (sk-ant-api03-)",
  keywords: ["sk-ant-api"],
  pattern: prefixedPattern("sk-ant-api03-", "[A-Za-z0-9_-]{93}AA"),
});

export const anthropicAdminKey = defineSecret({
  id: "anthropic-admin-key",
  description: "Anthropic Admin API key (sk-ant-admin01-)",
  keywords: ["sk-ant-admin"],
  pattern: prefixedPattern("sk-ant-admin01-", "[A-Za-z0-9_-]{93}AA"),
});

export const ANTHROPIC_DETECTORS: readonly Detector[] = [anthropicApiKey, anthropicAdminKey];
