// insecure-url: remote servers over plain http to a non-loopback host (RFC 9110 §4.2.1: no confidentiality), and
// credentials in a URL query (they end up in logs and proxies, CWE-598).
import type { Field, RuleHit } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";

export const insecureUrl = defineConfigRule({
  meta: {
    id: "insecure-url",
    severity: "high",
    title: "Plain-http remote server or credential in a URL query",
    description:
      "A remote MCP server URL uses http:// to a host other than loopback, or carries a token, key or password in its query string.",
    rationale:
      "Over plain http, tokens and tool traffic can be read and altered on the network (CWE-319). Credentials in query strings are written to server, proxy and browser logs (CWE-598).",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a client's literal reference syntax, not a template
    fix: "Use https:// for every non-local server, and send credentials in a header (`Authorization: Bearer ${env:TOKEN}`) rather than in the URL.",
    cwe: "CWE-319",
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const fields = [server.url, ...server.args].filter((f): f is Field => !!f && /^https?:\/\//i.test(f.value));
      for (const f of fields) {
        const why = problemOf(f.value);
        if (why) hits.push({ node: f.node, path: f.path, server: server.name, message: why });
      }
    }
    return hits;
  },
});

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;
const SECRET_PARAM =
  /^(token|access_token|api[_-]?key|apikey|key|secret|password|pwd|auth|sig|signature|client_secret)$/i;

function problemOf(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    return `remote server "${url.host}" is reached over plain http`;
  }
  for (const [name, value] of url.searchParams) {
    if (SECRET_PARAM.test(name) && value && !/^\$\{|^\{env:/.test(value)) {
      return `the URL carries a credential in its query parameter "${name}"`;
    }
  }
  return undefined;
}
