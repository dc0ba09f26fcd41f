// Twilio API key SIDs (SK…), account SIDs (AC…) and auth tokens assigned to a Twilio name.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern } from "./token-pattern.ts";

export const twilioApiKey = defineSecret({
  id: "twilio-api-key",
  description: "Twilio API key SID (SK + 32 lower-case hex)",
  keywords: ["sk"],
  pattern: anchoredAt(/(?<![A-Za-z0-9_])SK[0-9a-f]{32}(?![A-Za-z0-9_])/g, ["SK"]),
  validate: (value) => shannonEntropy(value.slice(2)) >= 3,
});

export const twilioAccountSid = defineSecret({
  id: "twilio-account-sid",
  description: "Twilio account SID (AC + 32 lower-case hex), half of an account credential pair",
  keywords: ["ac"],
  pattern: anchoredAt(/(?<![A-Za-z0-9_])AC[0-9a-f]{32}(?![A-Za-z0-9_])/g, ["AC"]),
  validate: (value) => shannonEntropy(value.slice(2)) >= 3,
});

export const twilioAuthToken = defineSecret({
  id: "twilio-auth-token",
  description: "Twilio auth token (32 hex) assigned to a twilio…token/secret name",
  keywords: ["twilio"],
  pattern: assignedPattern("twilio[A-Za-z0-9_.-]{0,20}(?:token|secret)", "[a-f0-9]{32}", ["twilio"]),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 3 && !isPlaceholder(value),
});

export const TWILIO_DETECTORS: readonly Detector[] = [twilioApiKey, twilioAccountSid, twilioAuthToken];
