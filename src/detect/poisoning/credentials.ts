// Credential harvesting: a definition asking the model to pass secrets, or naming files that hold them
// (CWE-522 insufficiently protected credentials; the "read ~/.ssh/id_rsa and pass it as a parameter" attack).
import { followedBy, patternRule, type TextRule } from "./types.ts";

/** A sending verb, then a credential noun later in the same sentence (within 40 characters) — not a noun used
 * as a modifier ("send a password reset email"). */
const SEND_VERB =
  /\b(?:pass|send|include|append|attach|forward|share|paste|leak|exfiltrate|upload|copy|extract|collect|reveal|dump)\b/g;
const SECRET_NOUN =
  /\b(?:api[ _-]?keys?|secret[ _-]?keys?|access[ _-]?tokens?|auth(?:entication|orization)?[ _-]?tokens?|bearer tokens?|refresh tokens?|session (?:tokens?|cookies?)|passwords?|passphrases?|credentials|private[ _-]?keys?|ssh[ _-]?keys?|seed phrases?|mnemonic|client[ _-]?secrets?)\b(?! (?:reset|resets|policy|policies|strength|manager|change|changes|expiry|expiration|rotation|requirements?|rules|hint|hints|length|form|field|prompt|dialog|link|links|email|emails|request|requests))/;

export const credentialRequest: TextRule = {
  id: "credential-request",
  description: "Asks the model to pass, send or include credentials (API keys, tokens, passwords, private keys).",
  message: "asks the model to pass credentials",
  patterns: [SEND_VERB, SECRET_NOUN],
  test: (_raw, norm) => followedBy(norm, SEND_VERB, SECRET_NOUN, 40),
};

export const sensitivePath: TextRule = patternRule(
  "sensitive-path",
  "Names files that hold credentials: ~/.ssh, id_rsa, .env, mcp.json, ~/.aws/credentials, .npmrc, .netrc …",
  "names a file that holds credentials",
  [
    /(?:^|[\s"'`(/=:~])\.ssh\b/,
    /\bid_(?:rsa|dsa|ecdsa|ed25519)\b/,
    /(?:^|[\s"'`(/=:])\.env(?:\.[a-z]{1,20})?(?=$|[\s"'`),;:])/,
    /\b(?:mcp|claude_desktop_config|mcp_settings|cline_mcp_settings)\.json\b/,
    /\.aws\/(?:credentials|config)\b|~\/\.aws\b/,
    /(?:^|[\s"'`(/=:~])\.(?:npmrc|pypirc|netrc|git-credentials|pgpass|gnupg|docker\/config\.json|kube\/config)\b/,
    /\/etc\/(?:shadow|passwd|sudoers)\b/,
    /\b(?:authorized_keys|known_hosts)\b/,
  ],
);
