// The environment of a stdio upstream: ONLY the policy's `env` plus a minimal, non-secret set from the gateway's own
// environment. Never the gateway's whole environment: it holds the audit key, signing keys and the operator's tokens
// (DESIGN.md "Policy file" › upstreams; CWE-526).

/** Variables a child needs to find programs and behave like a normal process; none carries a credential. */
const INHERITED = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT", "USERPROFILE", "APPDATA"];

export function childEnvironment(
  policyEnv: Readonly<Record<string, string>>,
  parent: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...policyEnv };
}
