// Stripe secret and restricted API keys (live and test mode) and webhook signing secrets.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

function stripe(id: string, prefix: string, what: string): Detector {
  return defineSecret({
    id,
    description: `Stripe ${what} (${prefix})`,
    keywords: [prefix],
    pattern: prefixedPattern(prefix, "[0-9A-Za-z]{24,247}"),
    validate: (value) => shannonEntropy(value.slice(prefix.length)) >= 3,
  });
}

export const stripeLiveSecretKey = stripe("stripe-live-secret-key", "sk_live_", "live secret key");
export const stripeTestSecretKey = stripe("stripe-test-secret-key", "sk_test_", "test-mode secret key");
export const stripeLiveRestrictedKey = stripe("stripe-live-restricted-key", "rk_live_", "live restricted key");
export const stripeTestRestrictedKey = stripe("stripe-test-restricted-key", "rk_test_", "test-mode restricted key");
export const stripeWebhookSecret = defineSecret({
  id: "stripe-webhook-secret",
  description: "Stripe webhook signing secret (whsec_)",
  keywords: ["whsec_"],
  pattern: prefixedPattern("whsec_", "[0-9A-Za-z+/]{32,88}={0,2}", "(?![A-Za-z0-9_+/=-])"),
  validate: (value) => shannonEntropy(value.slice(6)) >= 3,
});

export const STRIPE_DETECTORS: readonly Detector[] = [
  stripeLiveSecretKey,
  stripeTestSecretKey,
  stripeLiveRestrictedKey,
  stripeTestRestrictedKey,
  stripeWebhookSecret,
];
