// Generic secrets: a high-entropy value assigned to a secret-named key, or a password assigned to a password key.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { charClasses, shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";
import { assignedPattern } from "./token-pattern.ts";

// Values stop at whitespace, quotes, separators and brackets; "[" also keeps redaction placeholders out.
const VALUE = "[^\\s\"'`,;<>()\\[\\]{}]";

// The first words of the key-name alternatives below: every match starts with one of them.
const API_KEY_ANCHORS = ["api", "secret", "access", "auth", "bearer", "refresh", "token", "client", "credential"];

/** Shannon entropy threshold (bits/char) for a value named only by its key: random tokens of 16+ chars sit above 3.5. */
export const GENERIC_ENTROPY_THRESHOLD = 3.5;

export const genericApiKey = defineSecret({
  id: "generic-api-key",
  description: "High-entropy value assigned to an api_key / secret / token / access_key / client_secret name",
  keywords: API_KEY_ANCHORS,
  pattern: assignedPattern(
    "api[_-]?key|secret(?:[_-]?key)?|(?:access|auth|bearer|refresh|api)[_-]?token|token|access[_-]?key|client[_-]?secret|credentials?",
    `${VALUE}{16,256}`,
    API_KEY_ANCHORS,
    16,
  ),
  group: 1,
  validate: (value) =>
    shannonEntropy(value) >= GENERIC_ENTROPY_THRESHOLD && charClasses(value) >= 2 && !isPlaceholder(value),
});

export const genericPassword = defineSecret({
  id: "generic-password",
  description: "Non-placeholder value assigned to a password / passwd / pwd / passphrase name",
  keywords: ["passw", "pwd", "passphrase"],
  pattern: assignedPattern("passw(?:or)?d|pwd|passphrase", `${VALUE}{6,256}`, ["passw", "pwd", "passphrase"], 6),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 2.5 && charClasses(value) >= 2 && !isPlaceholder(value),
});

export const GENERIC_DETECTORS: readonly Detector[] = [genericApiKey, genericPassword];
