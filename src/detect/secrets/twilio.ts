// Twilio API key SIDs (SK…), account SIDs (AC…) and auth tokens assigned to a Twilio name.
import { type AnchorGuard, anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern } from "./token-pattern.ts";

// "sk" and "ac" are in many words ("task", "access": ~170 "ac" per clean 64 KiB bench document), so the keywords
// are the exact-case "SK" and "AC" (the patterns are case-sensitive), and the anchor has a guard: the prefix, then
// 32 lower-case hex digits. The guard rejects an upper-case word in a few loads instead of a ~0.2 µs sticky attempt.
const isHexLower = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

function sidAt(prefix: string): AnchorGuard {
  const [first, second] = [prefix.charCodeAt(0), prefix.charCodeAt(1)];
  return (text, at) => {
    if (text.charCodeAt(at) !== first || text.charCodeAt(at + 1) !== second || at + 34 > text.length) return false;
    for (let i = at + 2; i < at + 34; i++) if (!isHexLower(text.charCodeAt(i))) return false;
    return true;
  };
}

export const twilioApiKey = defineSecret({
  id: "twilio-api-key",
  description: "Twilio API key SID (SK + 32 lower-case hex)",
  keywords: ["SK"],
  pattern: anchoredAt(/(?<![A-Za-z0-9_])SK[0-9a-f]{32}(?![A-Za-z0-9_])/g, ["SK"], undefined, sidAt("SK")),
  validate: (value) => shannonEntropy(value.slice(2)) >= 3,
});

export const twilioAccountSid = defineSecret({
  id: "twilio-account-sid",
  description: "Twilio account SID (AC + 32 lower-case hex), half of an account credential pair",
  keywords: ["AC"],
  pattern: anchoredAt(/(?<![A-Za-z0-9_])AC[0-9a-f]{32}(?![A-Za-z0-9_])/g, ["AC"], undefined, sidAt("AC")),
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
