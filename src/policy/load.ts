// Loads warden.yaml: bounded YAML parse with positions, literal-secret refusal, ${env:VAR} interpolation, zod
// validation and cross-key checks. Every failure is a ConfigError naming file, line and key (DESIGN.md "Contracts").
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { type Document, LineCounter, parseDocument } from "yaml";
import { ConfigError, type ErrorCode } from "../errors.ts";
import { checkConsistency } from "./consistency.ts";
import { interpolateTree, type Locate } from "./interpolate.ts";
import { findLiteralSecret } from "./literal-secrets.ts";
import { type Policy, policySchema } from "./schema.ts";
import { schemaProblems } from "./schema-issues.ts";
import { dottedPath, type KeyPath, lineOf, pathAtOffset } from "./yaml-locate.ts";

export interface LoadedPolicy {
  policy: Policy;
  /** The path as given (used in messages). */
  file: string;
  /** Absolute directory of the file: relative paths inside the policy are resolved against it. */
  dir: string;
}

/** A policy file larger than this is refused before parsing (bounded input, CWE-400). */
export const MAX_POLICY_BYTES = 1024 * 1024;
/** Alias expansions allowed while building the tree ("billion laughs", CWE-776). */
export const MAX_ALIAS_COUNT = 64;

/** CLI contract: --policy FILE, else $WARDEN_POLICY, else ./warden.yaml. */
export function resolvePolicyFile(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.WARDEN_POLICY) return env.WARDEN_POLICY;
  return "warden.yaml";
}

/** Resolves a path written in the policy (audit.file, pins.lockfile, tls.cert …) against the policy's directory. */
export function resolvePolicyPath(loaded: Pick<LoadedPolicy, "dir">, p: string): string {
  return isAbsolute(p) ? p : resolve(loaded.dir, p);
}

async function readPolicyText(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ConfigError("ERR_CONFIG_INVALID", "not a regular file", { file });
    size = info.size;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ConfigError("ERR_CONFIG_NOT_FOUND", "policy file not found", { file });
    throw new ConfigError("ERR_CONFIG_INVALID", `cannot read the policy file (${code ?? "error"})`, { file });
  }
  if (size > MAX_POLICY_BYTES) {
    throw new ConfigError("ERR_CONFIG_INVALID", `policy file is larger than ${MAX_POLICY_BYTES} bytes`, { file });
  }
  return readFile(file, "utf8");
}

function parseYaml(text: string, file: string): { doc: Document; lc: LineCounter; tree: unknown } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: true, merge: false });
  // Warnings (an unresolved tag such as `!!python/object`) are refused too: nothing in a policy needs a custom tag.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lc.linePos(first.pos[0]).line;
    const key = dottedPath(pathAtOffset(doc, first.pos[0])) || undefined;
    const detail = first.code === "DUPLICATE_KEY" ? "duplicate key" : `YAML syntax error: ${firstLine(first.message)}`;
    throw new ConfigError("ERR_CONFIG_INVALID", detail, { file, line, key });
  }
  if (doc.contents === null) throw new ConfigError("ERR_CONFIG_INVALID", "the policy file is empty", { file, line: 1 });
  let tree: unknown;
  try {
    tree = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new ConfigError("ERR_CONFIG_INVALID", `YAML cannot be expanded: ${firstLine(String(err))}`, { file });
  }
  if (tree === null || typeof tree !== "object" || Array.isArray(tree)) {
    throw new ConfigError("ERR_CONFIG_INVALID", "the policy must be a mapping (key: value)", { file, line: 1 });
  }
  return { doc, lc, tree };
}

function firstLine(message: string): string {
  // yaml's pretty errors append a code excerpt after the first line; the excerpt could contain a secret value.
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

/** Loads, checks and interpolates a policy file. `env` supplies `${env:VAR}` values. */
export async function loadPolicy(file: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadedPolicy> {
  const text = await readPolicyText(file);
  const { doc, lc, tree } = parseYaml(text, file);
  const locate: Locate = (path) => ({ file, line: lineOf(doc, lc, path) });
  const fail = (code: ErrorCode, path: KeyPath, at: "key" | "value", detail: string): never => {
    throw new ConfigError(code, detail, { file, line: lineOf(doc, lc, path, at), key: dottedPath(path) });
  };
  const secret = findLiteralSecret(tree);
  if (secret) fail("ERR_CONFIG_LITERAL_SECRET", secret.path, "value", `literal secret: ${secret.reason}`);
  const expanded = interpolateTree(tree, env, locate);
  const parsed = policySchema.safeParse(expanded);
  if (!parsed.success) {
    const problems = schemaProblems(parsed.error.issues, expanded)
      .map((p) => ({ ...p, line: lineOf(doc, lc, p.path, p.at) }))
      .sort((a, b) => a.line - b.line);
    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : "";
      fail("ERR_CONFIG_INVALID", first.path, first.at, `${first.detail}${more}`);
    }
  }
  const policy = parsed.data as Policy;
  const problem = checkConsistency(policy);
  if (problem) fail("ERR_CONFIG_INVALID", problem.path, problem.at, problem.detail);
  return { policy, file, dir: dirname(resolve(file)) };
}
