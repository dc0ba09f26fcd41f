// Secret managers' own tokens: HashiCorp Vault, Doppler, 1Password service accounts and account secret keys.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const vaultServiceToken = defineSecret({
  id: "vault-service-token",
  description: "HashiCorp Vault service token (hvs.)",
  keywords: ["hvs."],
  pattern: prefixedPattern("hvs.", "[A-Za-z0-9_-]{90,120}"),
});

export const vaultBatchToken = defineSecret({
  id: "vault-batch-token",
  description: "HashiCorp Vault batch token (hvb.)",
  keywords: ["hvb."],
  pattern: prefixedPattern("hvb.", "[A-Za-z0-9_-]{138,300}"),
});

export const dopplerToken = defineSecret({
  id: "doppler-token",
  description: "Doppler token: personal, service, service account, CLI, SCIM or audit (dp.pt., dp.st. …)",
  keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
  pattern: anchoredAt(
    /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{1,64}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9_-])/g,
    ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
  ),
  validate: (value) => shannonEntropy(value) >= 3.5,
});

export const onepasswordServiceAccountToken = defineSecret({
  id: "onepassword-service-account-token",
  description: "1Password service account token (ops_ + base64 JSON)",
  keywords: ["ops_ey"],
  // "ops_eyJ" as the prefix (the same pattern) so that it begins with the keyword and the engine anchors it there.
  pattern: prefixedPattern("ops_eyJ", "[A-Za-z0-9+/_-]{100,1500}={0,2}", "(?![A-Za-z0-9_+/=-])"),
});

export const onepasswordSecretKey = defineSecret({
  id: "onepassword-secret-key",
  description: "1Password account Secret Key (A3-XXXXXX-…)",
  keywords: ["A3-"],
  pattern: anchoredAt(
    /(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/g,
    ["A3-"],
  ),
});

export const SECRET_MANAGER_DETECTORS: readonly Detector[] = [
  vaultServiceToken,
  vaultBatchToken,
  dopplerToken,
  onepasswordServiceAccountToken,
  onepasswordSecretKey,
];
