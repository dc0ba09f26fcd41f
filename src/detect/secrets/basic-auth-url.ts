// HTTP(S) URLs carrying basic-auth credentials (https://user:password@host, RFC 3986 §3.2.1): the password is the span.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { isFiller } from "./placeholder.ts";
import { userinfoFollows } from "./userinfo-guard.ts";

export const basicAuthUrl = defineSecret({
  id: "basic-auth-url",
  description: "HTTP(S) URL with user:password@ credentials",
  keywords: ["http"],
  // Tried only at each "http" followed by "://" and userinfo (see userinfoFollows).
  pattern: anchoredAt(
    /(?<![A-Za-z0-9+.-])https?:\/\/[^\s:@/"'<>]{1,128}:([^\s@/"'<>]{1,256})@[A-Za-z0-9[]/gi,
    ["http"],
    undefined,
    userinfoFollows,
  ),
  group: 1,
  // A bare number is a port in a malformed URL (http://host:8080@…), not a password.
  validate: (password) => !/^[0-9]{1,5}$/.test(password) && !isFiller(password),
});

export const BASIC_AUTH_DETECTORS: readonly Detector[] = [basicAuthUrl];
