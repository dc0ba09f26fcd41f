// DigitalOcean tokens: personal access (dop_v1_), OAuth access (doo_v1_) and refresh (dor_v1_) tokens.
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { prefixedPattern } from "./token-pattern.ts";

function digitalocean(id: string, prefix: string, what: string): Detector {
  return defineSecret({
    id,
    description: `DigitalOcean ${what} (${prefix} + 64 hex)`,
    keywords: [prefix],
    pattern: prefixedPattern(prefix, "[a-f0-9]{64}"),
  });
}

export const digitaloceanPat = digitalocean("digitalocean-pat", "dop_v1_", "personal access token");
export const digitaloceanOauthToken = digitalocean("digitalocean-oauth-token", "doo_v1_", "OAuth access token");
export const digitaloceanRefreshToken = digitalocean("digitalocean-refresh-token", "dor_v1_", "OAuth refresh token");

export const DIGITALOCEAN_DETECTORS: readonly Detector[] = [
  digitaloceanPat,
  digitaloceanOauthToken,
  digitaloceanRefreshToken,
];
