// The list of every detector, in tie-break order: specific formats first, key-name based (generic) ones last.
import { email } from "./pii/email.ts";
import { iban } from "./pii/iban.ts";
import { IP_DETECTORS } from "./pii/ip-address.ts";
import { paymentCard } from "./pii/payment-card.ts";
import { PHONE_DETECTORS } from "./pii/phone.ts";
import { usSsn } from "./pii/us-ssn.ts";
import { AI_PROVIDER_DETECTORS } from "./secrets/ai-providers.ts";
import { ANTHROPIC_DETECTORS } from "./secrets/anthropic.ts";
import { AUTH_HEADER_DETECTORS } from "./secrets/auth-headers.ts";
import { AWS_DETECTORS } from "./secrets/aws.ts";
import { AZURE_DETECTORS } from "./secrets/azure.ts";
import { BASIC_AUTH_DETECTORS } from "./secrets/basic-auth-url.ts";
import { CHAT_BOT_DETECTORS } from "./secrets/chat-bots.ts";
import { CLOUDFLARE_DETECTORS } from "./secrets/cloudflare.ts";
import { CONNECTION_STRING_DETECTORS } from "./secrets/connection-strings.ts";
import { DIGITALOCEAN_DETECTORS } from "./secrets/digitalocean.ts";
import { EMAIL_DELIVERY_DETECTORS } from "./secrets/email-delivery.ts";
import { GCP_DETECTORS } from "./secrets/gcp.ts";
import { GENERIC_DETECTORS } from "./secrets/generic.ts";
import { GITHUB_DETECTORS } from "./secrets/github.ts";
import { GITLAB_DETECTORS } from "./secrets/gitlab.ts";
import { HUGGINGFACE_DETECTORS } from "./secrets/huggingface.ts";
import { JWT_DETECTORS } from "./secrets/jwt.ts";
import { OBSERVABILITY_DETECTORS } from "./secrets/observability.ts";
import { OPENAI_DETECTORS } from "./secrets/openai.ts";
import { PAAS_DETECTORS } from "./secrets/paas.ts";
import { PRIVATE_KEY_DETECTORS } from "./secrets/private-keys.ts";
import { REGISTRY_DETECTORS } from "./secrets/registries.ts";
import { SECRET_MANAGER_DETECTORS } from "./secrets/secret-managers.ts";
import { SLACK_DETECTORS } from "./secrets/slack.ts";
import { STRIPE_DETECTORS } from "./secrets/stripe.ts";
import { TWILIO_DETECTORS } from "./secrets/twilio.ts";
import type { Detector } from "./types.ts";

/** Secret detectors. On an exact tie (same span) the earlier one names the finding, so generic ones come last. */
export const SECRET_DETECTORS: readonly Detector[] = [
  ...AWS_DETECTORS,
  ...GCP_DETECTORS,
  ...AZURE_DETECTORS,
  ...GITHUB_DETECTORS,
  ...GITLAB_DETECTORS,
  ...OPENAI_DETECTORS,
  ...ANTHROPIC_DETECTORS,
  ...HUGGINGFACE_DETECTORS,
  ...AI_PROVIDER_DETECTORS,
  ...STRIPE_DETECTORS,
  ...SLACK_DETECTORS,
  ...TWILIO_DETECTORS,
  ...EMAIL_DELIVERY_DETECTORS,
  ...CHAT_BOT_DETECTORS,
  ...REGISTRY_DETECTORS,
  ...CLOUDFLARE_DETECTORS,
  ...DIGITALOCEAN_DETECTORS,
  ...PAAS_DETECTORS,
  ...OBSERVABILITY_DETECTORS,
  ...SECRET_MANAGER_DETECTORS,
  ...PRIVATE_KEY_DETECTORS,
  ...JWT_DETECTORS,
  ...CONNECTION_STRING_DETECTORS,
  ...BASIC_AUTH_DETECTORS,
  ...AUTH_HEADER_DETECTORS,
  ...GENERIC_DETECTORS,
];

/** PII detectors (IP addresses are off by default). */
export const PII_DETECTORS: readonly Detector[] = [
  email,
  ...PHONE_DETECTORS,
  paymentCard,
  iban,
  usSsn,
  ...IP_DETECTORS,
];

/** Every detector, secrets then PII; the engine's default set is the `defaultEnabled` ones. */
export const ALL_DETECTORS: readonly Detector[] = [...SECRET_DETECTORS, ...PII_DETECTORS];
