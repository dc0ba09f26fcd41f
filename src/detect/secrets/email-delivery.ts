// Email delivery and marketing providers: SendGrid, Mailgun, Mailchimp API keys.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const sendgridApiKey = defineSecret({
  id: "sendgrid-api-key",
  description: "SendGrid API key (SG. + 22 + . + 43)",
  keywords: ["SG."],
  pattern: prefixedPattern("SG.", "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
});

export const mailgunApiKey = defineSecret({
  id: "mailgun-api-key",
  description: "Mailgun API key (key- + 32 hex)",
  keywords: ["key-"],
  pattern: prefixedPattern("key-", "[0-9a-f]{32}"),
  validate: (value) => shannonEntropy(value.slice(4)) >= 3,
});

export const mailchimpApiKey = defineSecret({
  id: "mailchimp-api-key",
  description: "Mailchimp API key (32 hex + -us<datacenter>)",
  keywords: ["-us"],
  // Anchored at "-us": the engine walks back over the 32 hex digits instead of trying every hex run in the text.
  pattern: anchoredAt(/(?<![A-Za-z0-9_])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9_])/g, ["-us"], {
    chars: /[0-9a-f]/,
    max: 32,
  }),
  validate: (value) => shannonEntropy(value.slice(0, 32)) >= 3,
});

export const EMAIL_DELIVERY_DETECTORS: readonly Detector[] = [sendgridApiKey, mailgunApiKey, mailchimpApiKey];
