// Amazon Web Services credentials: access key ids, secret access keys and session tokens assigned to their keys.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { isFiller } from "./placeholder.ts";
import { assignedPattern } from "./token-pattern.ts";

export const awsAccessKeyId = defineSecret({
  id: "aws-access-key-id",
  description: "AWS access key id (AKIA long-term, ASIA temporary, ABIA/ACCA service keys)",
  keywords: ["AKIA", "ASIA", "ABIA", "ACCA"],
  // Key ids are 20 chars of base32 upper-case after the 4-char type prefix (IAM identifiers docs).
  pattern: anchoredAt(/(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g, [
    "AKIA",
    "ASIA",
    "ABIA",
    "ACCA",
  ]),
});

export const awsSecretAccessKey = defineSecret({
  id: "aws-secret-access-key",
  description: "AWS secret access key (40 base64 chars) assigned to a secret-access-key name",
  keywords: ["aws", "secret"],
  pattern: assignedPattern(
    "(?:aws[_.-]?)?secret[_.-]?access[_.-]?key|aws[_.-]?secret(?:[_.-]?key)?",
    "[A-Za-z0-9/+]{40}",
    ["aws", "secret"],
  ),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 3.5 && !isFiller(value),
});

export const awsSessionToken = defineSecret({
  id: "aws-session-token",
  description: "AWS STS session token assigned to a session-token name",
  keywords: ["aws", "session"],
  pattern: assignedPattern("(?:aws[_.-]?)?session[_.-]?token", "[A-Za-z0-9/+]{100,2048}={0,2}", ["aws", "session"]),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 4 && !isFiller(value),
});

export const AWS_DETECTORS: readonly Detector[] = [awsAccessKeyId, awsSecretAccessKey, awsSessionToken];
