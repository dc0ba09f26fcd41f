// Email addresses (RFC 5321 dot-atom subset), excluding asset names such as logo@2x.png.
import { anchoredAt } from "../anchor.ts";
import { definePii } from "./define-pii.ts";

// Retina/density asset suffixes and file extensions look like "name@2x.png" but are not domains.
const FILE_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "avif",
  "ico",
  "bmp",
  "js",
  "mjs",
  "cjs",
  "ts",
  "css",
  "map",
  "json",
  "html",
  "txt",
  "md",
]);

export const email = definePii({
  id: "email",
  description: "Email address",
  keywords: ["@"],
  // Local part ≤ 64 (RFC 5321 §4.5.3.1.1), labels ≤ 63, letters-only TLD; every quantifier bounded. Not inside a
  // URL authority ("scheme://user:pass@host", a Sentry DSN): that userinfo belongs to the secret detectors.
  // Anchored at "@": the engine walks back over the local part (≤ 64 chars) and tries the pattern once there,
  // instead of a full-text pass that would try every word start.
  pattern: anchoredAt(
    /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(?<!:\/\/[^\s/@]{0,256})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
    ["@"],
    { chars: /[A-Za-z0-9._%+-]/, max: 64 },
  ),
  validate: isEmail,
});

function isEmail(value: string): boolean {
  const at = value.indexOf("@");
  const local = value.slice(0, at);
  if (local.endsWith(".") || local.includes("..")) return false;
  const tld = value.slice(value.lastIndexOf(".") + 1).toLowerCase();
  return !FILE_EXTENSIONS.has(tld);
}
