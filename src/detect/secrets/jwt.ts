// JSON Web Tokens (RFC 7519): three base64url parts whose header decodes to a JSON object naming an "alg".
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";

export const jwt = defineSecret({
  id: "jwt",
  description: "JSON Web Token (header.payload.signature, header is JSON with alg)",
  keywords: ["eyJ"],
  // A JSON object header always base64url-encodes to "eyJ" ('{"'); the signature may be empty for alg "none".
  pattern: anchoredAt(
    /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_-])/g,
    ["eyJ"],
  ),
  validate: hasJoseHeader,
});

function hasJoseHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf("."));
  try {
    // atob, not Buffer: this module is shared with the scanner entry, which stays free of Node-only APIs.
    const base64 = header.replace(/-/g, "+").replace(/_/g, "/");
    const json: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    return typeof json === "object" && json !== null && typeof (json as { alg?: unknown }).alg === "string";
  } catch {
    return false;
  }
}

export const JWT_DETECTORS: readonly Detector[] = [jwt];
