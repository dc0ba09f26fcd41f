// Microsoft Azure credentials: storage account keys, SAS signatures and Entra ID (Azure AD) client secrets.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";

export const azureStorageAccountKey = defineSecret({
  id: "azure-storage-account-key",
  description: "Azure storage account key (64 bytes, base64) in a connection string or assigned to a storage key",
  keywords: ["accountkey", "azure"],
  pattern: anchoredAt(
    /(?<![A-Za-z0-9])(?:AccountKey|azure[_.-]?storage[_.-]?(?:account[_.-]?)?key)["']?\s{0,3}[:=]\s{0,3}["']?([A-Za-z0-9+/]{86}==)/gi,
    ["accountkey", "azure"],
  ),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 4,
});

export const azureSasToken = defineSecret({
  id: "azure-sas-token",
  description: "Azure shared access signature: the sig= HMAC-SHA256 of a SAS URL or token",
  keywords: ["sig="],
  // The "?" or "&" is looked behind, not matched, so that every match starts at "sig=" and the engine tries the
  // pattern only there (a full-text pass cost ~20 µs per 64 KiB document).
  pattern: anchoredAt(/(?<=[?&])sig=([A-Za-z0-9%+/]{40,120}={0,2})(?![A-Za-z0-9%+/=])/g, ["sig="]),
  group: 1,
  validate: isSasSignature,
});

/** The signature is a URL-encoded base64 HMAC-SHA256: 32 bytes, 44 base64 chars with one '=' pad. */
function isSasSignature(value: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  return /^[A-Za-z0-9+/]{43}=$/.test(decoded) && shannonEntropy(decoded) >= 4;
}

export const azureAdClientSecret = defineSecret({
  id: "azure-ad-client-secret",
  description: "Microsoft Entra ID (Azure AD) application client secret (xxxNQ~ format)",
  keywords: ["Q~"],
  // Anchored at "Q~": the engine walks back over the (exactly 4, as the lookbehind bounds the run) characters before.
  pattern: anchoredAt(/(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g, ["Q~"], {
    chars: /[A-Za-z0-9_~.-]/,
    max: 4,
  }),
  validate: (value) => shannonEntropy(value) >= 3.5,
});

export const AZURE_DETECTORS: readonly Detector[] = [azureStorageAccountKey, azureSasToken, azureAdClientSecret];
