// Cloudflare credentials: API tokens and global API keys assigned to Cloudflare names, Origin CA keys.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { charClasses, shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern, prefixedPattern } from "./token-pattern.ts";

export const cloudflareApiToken = defineSecret({
  id: "cloudflare-api-token",
  description: "Cloudflare API token (40 chars) assigned to a cloudflare/CF_API_TOKEN name",
  keywords: ["cloudflare", "cf_api", "cf-api"],
  pattern: assignedPattern("cloudflare[A-Za-z0-9_.-]{0,20}token|cf[_-]api[_-]token", "[A-Za-z0-9_-]{40}", [
    "cloudflare",
    "cf_api",
    "cf-api",
  ]),
  group: 1,
  validate: (value) => charClasses(value) >= 2 && shannonEntropy(value) >= 3.5 && !isPlaceholder(value),
});

export const cloudflareGlobalApiKey = defineSecret({
  id: "cloudflare-global-api-key",
  description: "Cloudflare global API key (37 hex) assigned to a cloudflare…key name",
  keywords: ["cloudflare", "cf_api", "cf-api"],
  pattern: assignedPattern("cloudflare[A-Za-z0-9_.-]{0,20}key|cf[_-]api[_-]key", "[a-f0-9]{37}", [
    "cloudflare",
    "cf_api",
    "cf-api",
  ]),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 3 && !isPlaceholder(value),
});

export const cloudflareOriginCaKey = defineSecret({
  id: "cloudflare-origin-ca-key",
  description: "Cloudflare Origin CA key (v1.0- + 24 hex + - + 146 hex)",
  keywords: ["v1.0-"],
  pattern: prefixedPattern("v1.0-", "[a-f0-9]{24}-[a-f0-9]{146}"),
});

export const CLOUDFLARE_DETECTORS: readonly Detector[] = [
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
];
