// Credentials in HTTP Authorization headers (RFC 9110 §11.6.2): Bearer tokens (RFC 6750) and Basic credentials (RFC 7617).
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { charClasses, shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";

export const bearerToken = defineSecret({
  id: "bearer-token",
  description: "Bearer token in an Authorization header or 'Bearer <token>' string",
  keywords: ["bearer"],
  // RFC 6750 §2.1 b64token charset.
  pattern: anchoredAt(/(?<![A-Za-z0-9])[Bb]earer[ \t]{1,3}([A-Za-z0-9._~+/-]{20,4096}={0,2})(?![A-Za-z0-9._~+/=-])/g, [
    "bearer",
  ]),
  group: 1,
  validate: (value) => shannonEntropy(value) >= 3.5 && charClasses(value) >= 2 && !isPlaceholder(value),
});

export const basicAuthHeader = defineSecret({
  id: "basic-auth-header",
  description: "Basic credentials (base64 of user:password) in an Authorization header",
  // Keywords where a match starts (not "basic " in its middle), so the engine tries the pattern only there.
  keywords: ["authorization", "proxy-authorization"],
  pattern: anchoredAt(
    /(?<![A-Za-z0-9])(?:authorization|proxy-authorization)["']?\s{0,3}[:=]\s{0,3}["']?basic[ \t]{1,3}([A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/gi,
    ["authorization", "proxy-authorization"],
  ),
  group: 1,
  validate: isUserPassBase64,
});

/** RFC 7617 §2: the credentials decode to "user-id:password" with a non-empty password that is not a placeholder. */
function isUserPassBase64(value: string): boolean {
  try {
    const decoded = atob(value);
    const colon = decoded.indexOf(":");
    return colon >= 0 && colon < decoded.length - 1 && !isPlaceholder(decoded.slice(colon + 1));
  } catch {
    return false;
  }
}

export const AUTH_HEADER_DETECTORS: readonly Detector[] = [bearerToken, basicAuthHeader];
