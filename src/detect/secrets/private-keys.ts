// Private key blocks: PEM (PKCS#1/#8/SEC1/encrypted, RFC 7468), OpenSSH, PGP, and age identities.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { prefixedPattern } from "./token-pattern.ts";

// A block body: base64, whitespace, escaped newlines (\n inside JSON strings), RFC 1421 headers such as
// "Proc-Type: 4,ENCRYPTED" / "DEK-Info: AES-128-CBC,…". A single "-" is allowed, "--" never, so the body stops at
// the END line without backtracking. Bounded (an RSA-8192 key is ~6.5 KB) so a failed attempt stays cheap.
const BODY = "(?:[A-Za-z0-9+/=\\s\\\\:,.]|-(?!-)){16,12000}";

export const privateKeyPem = defineSecret({
  id: "private-key-pem",
  description: "PEM private key block (RSA, EC, DSA, PKCS#8, encrypted PKCS#8)",
  keywords: ["-----begin "],
  pattern: anchoredAt(
    new RegExp(
      `-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----${BODY}-----END (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----`,
      "g",
    ),
    ["-----BEGIN "],
  ),
});

export const opensshPrivateKey = defineSecret({
  id: "openssh-private-key",
  description: "OpenSSH private key block",
  keywords: ["-----begin openssh private key-----"],
  pattern: anchoredAt(new RegExp(`-----BEGIN OPENSSH PRIVATE KEY-----${BODY}-----END OPENSSH PRIVATE KEY-----`, "g"), [
    "-----BEGIN OPENSSH PRIVATE KEY-----",
  ]),
});

export const pgpPrivateKeyBlock = defineSecret({
  id: "pgp-private-key-block",
  description: "OpenPGP armored private key block (RFC 9580 §6.2)",
  keywords: ["-----begin pgp private key block-----"],
  pattern: anchoredAt(
    new RegExp(`-----BEGIN PGP PRIVATE KEY BLOCK-----${BODY}-----END PGP PRIVATE KEY BLOCK-----`, "g"),
    ["-----BEGIN PGP PRIVATE KEY BLOCK-----"],
  ),
});

export const ageSecretKey = defineSecret({
  id: "age-secret-key",
  description: "age encryption identity (AGE-SECRET-KEY-1 + 58 bech32 chars)",
  keywords: ["age-secret-key-1"],
  pattern: prefixedPattern("AGE-SECRET-KEY-1", "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
});

export const PRIVATE_KEY_DETECTORS: readonly Detector[] = [
  privateKeyPem,
  opensshPrivateKey,
  pgpPrivateKeyBlock,
  ageSecretKey,
];
