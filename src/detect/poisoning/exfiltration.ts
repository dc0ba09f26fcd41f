// Exfiltration URLs: a definition that tells the model to send data to a URL, or names a request-capture host
// (CWE-200 exposure to an unauthorised actor; OWASP LLM02 sensitive information disclosure).
import { followedBy, type TextRule } from "./types.ts";

const URL = /\bhttps?:\/\/([a-z0-9.-]{1,253})/g;

/** Hosts whose only common use is capturing requests or tunnelling to a private machine. */
const CAPTURE_HOST =
  /\b(?:webhook\.site|pastebin\.com|paste\.ee|hastebin\.com|ngrok(?:-free)?\.(?:io|app|dev)|requestbin\.(?:com|net)|pipedream\.net|burpcollaborator\.net|oast\.(?:fun|me|pro|live|site|online)|interact\.sh|hookbin\.com|beeceptor\.com|transfer\.sh|trycloudflare\.com|serveo\.net|localtunnel\.me|loca\.lt|discord(?:app)?\.com\/api\/webhooks)\b/;

/** "send … https://", "https://… with the contents", "include … in the request" (each within one line). */
const SEND_VERB =
  /\b(?:send|sends|sending|post|posting|upload|uploading|forward|forwarding|transmit|transmitting|exfiltrat[a-z]{0,5}|append|appending|leak|beacon)\b/g;
const SCHEME = /https?:\/\//;
const URL_TOKEN = /\bhttps?:\/\/[^\s]{1,300}/g;
const WITH_DATA =
  /\b(?:with|including|containing|attaching) (?:the |all |any |its |their |your )?(?:contents?|data|results?|output|conversation|history|keys?|tokens?|credentials|files?|arguments|parameters)\b/;
const INCLUDE = /\binclude\b/g;
const IN_REQUEST =
  /\bin (?:the |a |every |each |your )?(?:request|url|query(?: string)?|headers?|callback|payload|body)\b/;
const LINE_END = /\n/;

function asksToSend(norm: string): boolean {
  return (
    followedBy(norm, SEND_VERB, SCHEME, 100, LINE_END) ||
    followedBy(norm, URL_TOKEN, WITH_DATA, 60, LINE_END) ||
    followedBy(norm, INCLUDE, IN_REQUEST, 120)
  );
}

/** Hosts reserved for documentation (RFC 2606 / RFC 6761) and schema ids: never a destination. */
const BENIGN_HOST = /^(?:(?:[a-z0-9-]{1,63}\.){0,8}example\.(?:com|org|net)|localhost|json-schema\.org)$/;

function hasNonBenignUrl(norm: string): boolean {
  for (const m of norm.matchAll(URL)) {
    if (!BENIGN_HOST.test(m[1] ?? "")) return true;
  }
  return false;
}

export const exfiltrationUrl: TextRule = {
  id: "exfiltration-url",
  description: "A URL together with instructions to send data to it, or a request-capture/tunnel host.",
  message: "asks the model to send data to a URL",
  patterns: [URL, CAPTURE_HOST, SEND_VERB, SCHEME, URL_TOKEN, WITH_DATA, INCLUDE, IN_REQUEST, BENIGN_HOST],
  test(_raw, norm) {
    if (CAPTURE_HOST.test(norm)) return true;
    return asksToSend(norm) && hasNonBenignUrl(norm);
  },
};
