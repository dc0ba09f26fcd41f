// Shared types of the scanner: findings, parsed config trees, normalised server entries, rules.
import type { CNode } from "./parsers/node.ts";

export type Severity = "low" | "medium" | "high" | "critical";

export type ClientId =
  | "claude-desktop"
  | "claude-code"
  | "cursor"
  | "vscode"
  | "windsurf"
  | "codex"
  | "gemini"
  | "zed"
  | "cline"
  | "continue"
  | "goose"
  | "amazonq"
  | "kiro"
  | "opencode"
  | "copilot-cli";

/** One finding of the JSON output contract (DESIGN.md "Scan output"). */
export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  client?: string;
  server?: string;
  location: string;
  message: string;
  /** Never serialised unless --show-secrets: the raw secret, for masking/fixing. */
  secret?: string;
  /** Internal (not in the JSON contract): key path of the value and the secret's span in it, for --fix. */
  path?: readonly (string | number)[];
  secretSpan?: { start: number; end: number };
  /** Internal: absolute path of the file, for --fix. */
  absFile?: string;
}

/** A config file parsed into a position-carrying tree. */
export interface ParsedConfig {
  file: string;
  text: string;
  format: "json" | "toml" | "yaml";
  root: CNode;
}

/** A string value with where it sits in the file. */
export interface Field {
  key: string;
  value: string;
  node: CNode;
  path: readonly (string | number)[];
}

/** One MCP server entry, normalised across clients. */
export interface ServerEntry {
  name: string;
  path: readonly (string | number)[];
  node: CNode;
  command?: Field;
  args: Field[];
  env: Field[];
  headers: Field[];
  url?: Field;
}

/** What a rule sees for one config file. */
export interface ConfigContext {
  config: ParsedConfig;
  client: ClientId;
  servers: ServerEntry[];
  policy: ScanPolicy | undefined;
  /** Format-based secret detection (the shared detector engine, src/detect); spans of `text`. */
  detectSecrets: SecretFinder;
}

export type SecretFinder = (text: string) => readonly { detector: string; start: number; end: number }[];

export interface ScanPolicy {
  environment?: string;
  /** Undefined when the policy has no scan.allow: then not-allowlisted does not run. */
  allow: AllowEntry[] | undefined;
  /** environment name → path substrings / server-name substrings that mark it. */
  environments: Record<string, string[]>;
}

export interface AllowEntry {
  name?: string;
  argv?: string[];
  package?: string;
  image?: string;
  url_prefix?: string;
}

/** A finding before file/line/column are resolved: the rule names a node. */
export interface RuleHit {
  node?: CNode;
  path: readonly (string | number)[];
  message: string;
  server?: string;
  severity?: Severity;
  secret?: string;
  /** Where the secret sits inside the string value at `path` (for --fix). */
  secretSpan?: { start: number; end: number };
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  rationale: string;
  fix: string;
  cwe?: string;
}

/** Per-config rule: looks at one parsed file. */
export interface ConfigRule {
  kind: "config";
  meta: RuleMeta;
  check(ctx: ConfigContext): RuleHit[];
}

/** Repo rule: looks at the set of files walked (hygiene checks). */
export interface RepoRule {
  kind: "repo";
  meta: RuleMeta;
  check(ctx: RepoContext): Promise<Finding[]>;
}

export type Rule = ConfigRule | RepoRule;

export interface RepoContext {
  /** Roots scanned (absolute), each with the relative paths walked under it. */
  roots: { root: string; display: string; files: string[] }[];
  configFiles: { file: string; client: ClientId }[];
  /** Per-config contexts, for cross-file rules. */
  configs: ConfigContext[];
  git: GitProbe | undefined;
}

/** Node-only git access, injected by the CLI so the scanner entry stays fs-only. */
export interface GitProbe {
  /** Paths (relative to root, "/" separators) tracked by git, or undefined when root is not in a repository. */
  tracked(root: string): Promise<Set<string> | undefined>;
  /** Whether `needle` ever appeared in a commit of the repository holding `file`. */
  everCommitted(file: string, needle: string): Promise<boolean>;
}
