// GitHub tokens: classic (ghp_/gho_/ghu_/ghs_/ghr_ with CRC32 checksum) and fine-grained personal access tokens.
import type { Detector } from "../types.ts";
import { hasCrc32Base62Checksum } from "./checksum.ts";
import { defineSecret } from "./define-secret.ts";
import { prefixedPattern } from "./token-pattern.ts";

/** Classic formats: prefix + 30 base62 + 6-char base62 CRC32 of those 30 (github.blog 2021-04-05). */
function classic(id: string, prefix: string, what: string): Detector {
  return defineSecret({
    id,
    description: `GitHub ${what} (${prefix}, checksum verified)`,
    keywords: [prefix],
    pattern: prefixedPattern(prefix, "[A-Za-z0-9]{36}"),
    validate: (value) => hasCrc32Base62Checksum(value, prefix.length),
  });
}

export const githubClassicPat = classic("github-classic-pat", "ghp_", "personal access token (classic)");
export const githubOauthToken = classic("github-oauth-token", "gho_", "OAuth app access token");
export const githubUserToServerToken = classic("github-user-to-server-token", "ghu_", "App user-to-server token");
export const githubServerToServerToken = classic("github-server-to-server-token", "ghs_", "App installation token");
export const githubRefreshToken = classic("github-refresh-token", "ghr_", "App refresh token");

export const githubFineGrainedPat = defineSecret({
  id: "github-fine-grained-pat",
  description: "GitHub fine-grained personal access token (github_pat_)",
  keywords: ["github_pat_"],
  pattern: prefixedPattern("github_pat_", "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
});

export const GITHUB_DETECTORS: readonly Detector[] = [
  githubClassicPat,
  githubOauthToken,
  githubUserToServerToken,
  githubServerToServerToken,
  githubRefreshToken,
  githubFineGrainedPat,
];
