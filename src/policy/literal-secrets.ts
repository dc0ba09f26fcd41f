// Refuses literal secrets in the policy (DESIGN.md "Policy file": secrets come only from ${env:VAR}; CWE-798).
// Runs on the raw tree, before interpolation, and never reports a value: only its key path and why.
import { findSecrets } from "../detect/engine.ts";
import { hasEnvReference, isWholeEnvReference } from "./interpolate.ts";
import type { KeyPath } from "./yaml-locate.ts";

export interface LiteralSecret {
  path: KeyPath;
  reason: string;
}

/** Keys that hold a secret by definition: their whole value must be one `${env:VAR}` reference. */
const SECRET_KEYS: readonly (readonly string[])[] = [
  ["audit", "hmac_key"],
  ["auth", "warden_tokens", "signing_key"],
];

/**
 * Credential shapes refused anywhere in the policy. Only a prefix and a minimum length are matched (fixed counts, no
 * open-ended repetition), which is all detection needs and keeps every pattern linear (redos.test.ts).
 */
const TOKEN_SHAPES: readonly { name: string; pattern: RegExp }[] = [
  { name: "a GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30}|github_pat_[A-Za-z0-9_]{22})/ },
  { name: "an OpenAI/Anthropic-style API key", pattern: /\bsk-[A-Za-z0-9_-]{20}/ },
  { name: "a Stripe key", pattern: /\b[rs]k_live_[A-Za-z0-9]{16}/ },
  { name: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: "a Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10}/ },
  { name: "a GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20}/ },
  { name: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { name: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{8,1024}\.eyJ[A-Za-z0-9_-]{8}/ },
  { name: "a private key", pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/ },
  { name: "a bearer token", pattern: /\b(?:[Bb]earer|BEARER)[ \t]{1,8}[A-Za-z0-9._~+/-]{12}/ },
  { name: "basic credentials", pattern: /\b(?:[Bb]asic|BASIC)[ \t]{1,8}[A-Za-z0-9+/]{12}/ },
];

/** `scheme://user:password@host` with a literal password (an `${env:…}` password is fine). */
const URL_PASSWORD = /[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]{0,256}:([^\s/@]{1,512})@/i;

/** Every pattern this file runs on policy values (for the linear-time test). */
export const LITERAL_SECRET_PATTERNS: readonly RegExp[] = [...TOKEN_SHAPES.map((s) => s.pattern), URL_PASSWORD];

const SECRET_WORDS = new Set(["token", "secret", "password", "passwd", "pwd", "key", "apikey", "credential"]);
const SECRET_WORDS_PLURAL = new Set(["tokens", "secrets", "passwords", "keys", "credentials", "cookie", "cookies"]);
const SECRET_NAMES = new Set(["authorization", "proxy-authorization", "x-api-key", "api-key", "auth"]);

/** True when an env variable or header name says it holds a credential (GITHUB_TOKEN, X-Api-Key, dbPassword …). */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (SECRET_NAMES.has(lower)) return true;
  if (lower.includes("secret") || lower.includes("password") || lower.includes("credential")) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1) ?? "";
  if (last === "key" && words.at(-2) === "public") return false;
  return SECRET_WORDS.has(last) || SECRET_WORDS_PLURAL.has(last);
}

/**
 * Which credential shape `value` has, if any: the shapes above, then the shared secret detectors (src/detect), so
 * the policy refuses what `scan` and response redaction recognise.
 */
export function credentialShape(value: string): string | undefined {
  for (const { name, pattern } of TOKEN_SHAPES) if (pattern.test(value)) return name;
  const url = URL_PASSWORD.exec(value);
  if (url?.[1] && !hasEnvReference(url[1])) return "a URL with a literal password";
  const span = findSecrets(value)[0];
  return span ? `a secret (detector ${span.detector})` : undefined;
}

function samePath(path: KeyPath, want: readonly string[]): boolean {
  return path.length === want.length && want.every((seg, i) => path[i] === seg);
}

/** `upstreams.<name>.env.<VAR>` and `upstreams.<name>.headers.<Header>`: values handed to an upstream. */
function isCredentialSlot(path: KeyPath): boolean {
  return path.length === 4 && path[0] === "upstreams" && (path[2] === "env" || path[2] === "headers");
}

function checkString(value: string, path: KeyPath): string | undefined {
  if (SECRET_KEYS.some((want) => samePath(path, want))) {
    return isWholeEnvReference(value) ? undefined : `must be exactly one \${env:VAR} reference, not a literal value`;
  }
  if (isCredentialSlot(path) && value !== "" && !hasEnvReference(value) && isSecretName(String(path[3]))) {
    return `is named like a secret and has a literal value; use \${env:VAR}`;
  }
  // The env reference is removed first so `Bearer ${env:TOKEN}` is not mistaken for a literal bearer token.
  const shape = credentialShape(value.replace(/\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/g, ""));
  return shape ? `looks like ${shape}; put it in an environment variable and use \${env:VAR}` : undefined;
}

/** The first literal secret in a raw (not yet interpolated) policy tree, in document order. */
export function findLiteralSecret(tree: unknown, path: KeyPath = []): LiteralSecret | undefined {
  if (typeof tree === "string") {
    const reason = checkString(tree, path);
    return reason ? { path, reason } : undefined;
  }
  if (SECRET_KEYS.some((want) => samePath(path, want)) && tree !== undefined && tree !== null) {
    return { path, reason: `must be exactly one \${env:VAR} reference, not a literal value` };
  }
  const entries: [string | number, unknown][] = Array.isArray(tree)
    ? tree.map((v, i) => [i, v])
    : tree !== null && typeof tree === "object"
      ? Object.entries(tree)
      : [];
  for (const [k, v] of entries) {
    const found = findLiteralSecret(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}
