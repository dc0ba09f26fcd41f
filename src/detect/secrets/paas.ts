// Application platforms: Heroku API keys (HRKU- and legacy UUID form) and Vercel tokens.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { charClasses, shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern, prefixedPattern } from "./token-pattern.ts";

export const herokuApiKey = defineSecret({
  id: "heroku-api-key",
  description: "Heroku API key / OAuth token (HRKU-AA…)",
  keywords: ["hrku-"],
  pattern: prefixedPattern("HRKU-", "AA[0-9A-Za-z_-]{58}"),
});

export const herokuLegacyApiKey = defineSecret({
  id: "heroku-legacy-api-key",
  description: "Heroku legacy API key (a UUID) assigned to a heroku…key/token name",
  keywords: ["heroku"],
  pattern: assignedPattern(
    "heroku[A-Za-z0-9_.-]{0,20}(?:key|token)",
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    ["heroku"],
  ),
  group: 1,
});

export const vercelToken = defineSecret({
  id: "vercel-token",
  description: "Vercel access token (24 alphanumerics) assigned to a vercel…token name",
  keywords: ["vercel"],
  pattern: assignedPattern("vercel[A-Za-z0-9_.-]{0,20}token", "[A-Za-z0-9]{24}", ["vercel"]),
  group: 1,
  validate: (value) => charClasses(value) >= 2 && shannonEntropy(value) >= 3.5 && !isPlaceholder(value),
});

export const vercelBlobToken = defineSecret({
  id: "vercel-blob-token",
  description: "Vercel Blob read-write token (vercel_blob_rw_)",
  keywords: ["vercel_blob_rw_"],
  pattern: prefixedPattern("vercel_blob_rw_", "[A-Za-z0-9]{16}_[A-Za-z0-9]{30}"),
});

export const PAAS_DETECTORS: readonly Detector[] = [herokuApiKey, herokuLegacyApiKey, vercelToken, vercelBlobToken];
