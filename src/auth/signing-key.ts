// The warden-token signing key: an Ed25519 private key as PKCS#8 PEM (`openssl genpkey -algorithm ed25519`), read
// from the policy (`auth.warden_tokens.signing_key`, an ${env:…} reference). Its public half verifies tokens.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { ConfigError } from "../errors.ts";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const KEY_NAME = "auth.warden_tokens.signing_key";

/** Parses the PEM; tolerates "\n" escapes, as PEMs kept in one-line environment variables often have them. */
export function loadSigningKey(pem: string): SigningKey {
  const text = pem.includes("\\n") && !pem.includes("\n") ? pem.replaceAll("\\n", "\n") : pem;
  if (!text.includes("-----BEGIN PRIVATE KEY-----")) {
    throw new ConfigError("ERR_CONFIG_INVALID", "signing key is not a PKCS#8 PEM private key", { key: KEY_NAME });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: text, format: "pem" });
  } catch {
    // The parser's message could quote key material; say only what is wrong.
    throw new ConfigError("ERR_CONFIG_INVALID", "signing key cannot be parsed as a PEM private key", { key: KEY_NAME });
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new ConfigError("ERR_CONFIG_INVALID", "signing key must be an Ed25519 key", { key: KEY_NAME });
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** A fresh Ed25519 private key as PKCS#8 PEM (for `tokens keygen` and tests). */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}
