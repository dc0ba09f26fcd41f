// Observability services: Datadog API/application keys, Sentry auth tokens and DSNs.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern, prefixedPattern } from "./token-pattern.ts";

const randomHex = (value: string): boolean => shannonEntropy(value) >= 3 && !isPlaceholder(value);

export const datadogApiKey = defineSecret({
  id: "datadog-api-key",
  description: "Datadog API key (32 hex) assigned to a DD_API_KEY / datadog…api_key name",
  keywords: ["dd_api", "dd-api", "datadog"],
  pattern: assignedPattern("dd[_-]api[_-]?key|datadog[A-Za-z0-9_.-]{0,20}api[_-]?key", "[a-f0-9]{32}", [
    "dd_api",
    "dd-api",
    "datadog",
  ]),
  group: 1,
  validate: randomHex,
});

export const datadogAppKey = defineSecret({
  id: "datadog-app-key",
  description: "Datadog application key (40 hex) assigned to a DD_APP_KEY / datadog…app_key name",
  keywords: ["dd_app", "dd-app", "datadog"],
  pattern: assignedPattern(
    "dd[_-]app(?:lication)?[_-]?key|datadog[A-Za-z0-9_.-]{0,20}app(?:lication)?[_-]?key",
    "[a-f0-9]{40}",
    ["dd_app", "dd-app", "datadog"],
  ),
  group: 1,
  validate: randomHex,
});

export const sentryOrgToken = defineSecret({
  id: "sentry-org-token",
  description: "Sentry organization auth token (sntrys_ + base64 JSON + secret)",
  keywords: ["sntrys_"],
  pattern: prefixedPattern("sntrys_", "eyJ[A-Za-z0-9+/=]{40,600}_[A-Za-z0-9+/]{40,50}", "(?![A-Za-z0-9_+/=-])"),
});

export const sentryUserToken = defineSecret({
  id: "sentry-user-token",
  description: "Sentry user auth token (sntryu_ + 64 hex)",
  keywords: ["sntryu_"],
  pattern: prefixedPattern("sntryu_", "[a-f0-9]{64}"),
});

export const sentryDsn = defineSecret({
  id: "sentry-dsn",
  description: "Sentry DSN: the key part of https://<key>@<org>.ingest.sentry.io/<project>",
  keywords: ["sentry.io", "ingest."],
  pattern: /https?:\/\/([a-f0-9]{32})(?::[a-f0-9]{32})?@[a-z0-9.-]{1,100}\.sentry\.io\/[0-9]{1,20}/g,
  group: 1,
});

export const OBSERVABILITY_DETECTORS: readonly Detector[] = [
  datadogApiKey,
  datadogAppKey,
  sentryOrgToken,
  sentryUserToken,
  sentryDsn,
];
