// Google Cloud and Google AI credentials: API keys, service-account private keys, OAuth client secrets and tokens.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const gcpApiKey = defineSecret({
  id: "gcp-api-key",
  description: "Google API key (Google Cloud, Maps, Firebase, Google AI Studio / Gemini): AIza + 35 chars",
  keywords: ["AIza"],
  pattern: prefixedPattern("AIza", "[0-9A-Za-z_-]{35}"),
});

export const gcpServiceAccountKey = defineSecret({
  id: "gcp-service-account-key",
  description: "Google service-account key JSON: the PEM private_key value",
  keywords: ['"private_key"'],
  // The JSON string holds the PEM with escaped newlines (\n); the value is reported without its quotes.
  pattern: anchoredAt(
    /"private_key"\s{0,5}:\s{0,5}"(-----BEGIN PRIVATE KEY-----(?:\\n)?[A-Za-z0-9+/=\\]{64,8192}-----END PRIVATE KEY-----(?:\\n)?)"/g,
    ['"private_key"'],
  ),
  group: 1,
});

export const googleOauthClientSecret = defineSecret({
  id: "google-oauth-client-secret",
  description: "Google OAuth client secret (GOCSPX- prefix)",
  keywords: ["gocspx-"],
  pattern: prefixedPattern("GOCSPX-", "[A-Za-z0-9_-]{28}"),
});

export const googleOauthAccessToken = defineSecret({
  id: "google-oauth-access-token",
  description: "Google OAuth 2.0 access token (ya29. prefix)",
  keywords: ["ya29."],
  pattern: prefixedPattern("ya29.", "[A-Za-z0-9_-]{30,2048}"),
});

export const GCP_DETECTORS: readonly Detector[] = [
  gcpApiKey,
  gcpServiceAccountKey,
  googleOauthClientSecret,
  googleOauthAccessToken,
];
