// literal-secret: credentials written into a client config (env, headers, args, URL) instead of referenced with
// the reading client's own syntax. A reference the client does not expand reaches the server as literal text.
// CWE-798 (hard-coded credentials), CWE-312 (cleartext storage).
import type { ClientSpec } from "../../discovery/client-spec.ts";
import { clientById } from "../../discovery/clients.ts";
import type { ConfigContext, Field, RuleHit, ServerEntry } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";
import { connectionPassword, credentialPart, flagAssignment, isSecretFlag, isSensitiveKey } from "./heuristics.ts";
import { splitReferences } from "./references.ts";

export const literalSecret = defineConfigRule({
  meta: {
    id: "literal-secret",
    severity: "critical",
    title: "Literal secret in a client config",
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a client's literal reference syntax, not a template
      "A credential is written literally in a server's env, headers, args or URL — recognised by the shared secret detectors (provider formats, checksums) or by a sensitive name (`*_TOKEN`, `Authorization`, `--api-key`, a password in a connection string). A reference in a syntax the reading client does not expand (for example `${env:X}` in Claude Code's .mcp.json, any `${…}` in Codex TOML) is reported too: the server receives the text as is.",
    rationale:
      "Config files are committed, synced and shared; a literal credential in them leaks to everyone who can read the repository or the machine, and stays in git history after removal (CWE-798, CWE-312).",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a client's literal reference syntax, not a template
    fix: "Run `mcp-warden scan --fix`: it moves the value to `.env.local` (mode 0600, git-ignored) and writes the client's reference syntax in its place (Claude Code `${VAR}`, VS Code/Cursor/Windsurf `${env:VAR}`, opencode `{env:VAR}`). If the secret was ever committed, rotate it.",
    cwe: "CWE-798",
  },
  check(ctx) {
    const spec = clientById(ctx.client);
    if (!spec) return [];
    return ctx.servers.flatMap((server) => checkServer(ctx, spec, server));
  },
});

function checkServer(ctx: ConfigContext, spec: ClientSpec, server: ServerEntry): RuleHit[] {
  const hits: RuleHit[] = [];
  const named = [...server.env, ...server.headers];
  for (const f of named) hits.push(...checkField(ctx, spec, server, f, isSensitiveKey(f.key)));
  server.args.forEach((f, i) => {
    const previous = server.args[i - 1];
    hits.push(...checkField(ctx, spec, server, f, !!previous && isSecretFlag(previous.value)));
  });
  if (server.url) hits.push(...checkField(ctx, spec, server, server.url, false));
  return hits;
}

function checkField(
  ctx: ConfigContext,
  spec: ClientSpec,
  server: ServerEntry,
  f: Field,
  sensitive: boolean,
): RuleHit[] {
  const { literal, unexpanded } = splitReferences(f.value, spec.references);
  const base = { node: f.node, path: f.path, server: server.name };
  if (sensitive && unexpanded.length > 0) {
    const ref = f.value.slice(unexpanded[0]?.start, unexpanded[0]?.end);
    return [
      {
        ...base,
        severity: "medium",
        message: `${spec.name} does not expand "${ref}" here: the server receives the reference text literally`,
      },
    ];
  }
  const spans = ctx.detectSecrets(literal);
  const span = spans[0];
  if (span)
    return [hit(base, f, span, `a ${span.detector} credential is written literally in ${describe(f)}`, "critical")];
  const guess = sensitive ? credentialPart(literal) : (flagAssignment(literal) ?? connectionPassword(literal));
  if (guess) return [hit(base, f, guess, `a credential is written literally in ${describe(f)}`, "high")];
  return [];
}

function hit(
  base: Omit<RuleHit, "message">,
  f: Field,
  span: { start: number; end: number },
  message: string,
  severity: RuleHit["severity"],
): RuleHit {
  return {
    ...base,
    message,
    severity,
    secret: f.value.slice(span.start, span.end),
    secretSpan: { start: span.start, end: span.end },
  };
}

function describe(f: Field): string {
  const last = f.path[f.path.length - 2];
  if (typeof f.path[f.path.length - 1] === "number") return `argument ${f.key}`;
  if (
    /^(url|serverUrl|httpUrl|uri|endpoint)$/.test(f.key) &&
    f.path.length >= 2 &&
    last !== "headers" &&
    last !== "env"
  ) {
    return `the server URL (${f.key})`;
  }
  return last === undefined ? f.key : `${String(last)}.${f.key}`;
}
