// Package registry tokens: npm (checksum verified), PyPI, RubyGems, NuGet, Docker Hub.
import type { Detector } from "../types.ts";
import { hasCrc32Base62Checksum } from "./checksum.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const npmAccessToken = defineSecret({
  id: "npm-access-token",
  description: "npm access token (npm_ + 30 base62 + CRC32 checksum, GitHub's format)",
  keywords: ["npm_"],
  pattern: prefixedPattern("npm_", "[A-Za-z0-9]{36}"),
  validate: (value) => hasCrc32Base62Checksum(value, 4),
});

export const pypiApiToken = defineSecret({
  id: "pypi-api-token",
  description: "PyPI / TestPyPI API token (pypi- + macaroon whose location is pypi.org or test.pypi.org)",
  keywords: ["pypi-ag"],
  // "AgEIcHlwaS5vcmc" and "AgENdGVzdC5weXBpLm9yZw" are the base64 macaroon headers naming pypi.org / test.pypi.org.
  // "pypi-Ag" as the prefix (the same pattern) so that it begins with the keyword and the engine anchors it there.
  pattern: prefixedPattern("pypi-Ag", "(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}"),
});

export const rubygemsApiKey = defineSecret({
  id: "rubygems-api-key",
  description: "RubyGems API key (rubygems_ + 48 hex)",
  keywords: ["rubygems_"],
  pattern: prefixedPattern("rubygems_", "[a-f0-9]{48}"),
});

export const nugetApiKey = defineSecret({
  id: "nuget-api-key",
  description: "NuGet.org API key (oy2 + 43 lower-case alphanumerics)",
  keywords: ["oy2"],
  pattern: prefixedPattern("oy2", "[a-z0-9]{43}"),
  validate: (value) => shannonEntropy(value) >= 3.5,
});

export const dockerHubPat = defineSecret({
  id: "docker-hub-pat",
  description: "Docker Hub personal access token (dckr_pat_)",
  keywords: ["dckr_pat_"],
  pattern: prefixedPattern("dckr_pat_", "[A-Za-z0-9_-]{27}"),
});

export const REGISTRY_DETECTORS: readonly Detector[] = [
  npmAccessToken,
  pypiApiToken,
  rubygemsApiKey,
  nugetApiKey,
  dockerHubPat,
];
