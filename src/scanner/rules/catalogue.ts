// The rule catalogue: every rule the scanner runs, in report order. A contract test keeps it, docs/rules/*.md and
// the fixtures in step.
import type { ConfigRule, RepoRule, Rule } from "../types.ts";
import { autoApprove } from "./auto-approve/rule.ts";
import { crossEnvCredential } from "./cross-env-credential/rule.ts";
import { dotenvExposed } from "./dotenv-exposed/rule.ts";
import { ignoreFileGaps } from "./ignore-file-gaps/rule.ts";
import { insecureUrl } from "./insecure-url/rule.ts";
import { literalSecret } from "./literal-secret/rule.ts";
import { noCodeowners } from "./no-codeowners/rule.ts";
import { notAllowlisted } from "./not-allowlisted/rule.ts";
import { parseError } from "./parse-error/rule.ts";
import { riskyDockerFlags } from "./risky-docker-flags/rule.ts";
import { shellWrapper } from "./shell-wrapper/rule.ts";
import { unpinnedImage } from "./unpinned-image/rule.ts";
import { unpinnedPackage } from "./unpinned-package/rule.ts";
import { vulnerableSdk } from "./vulnerable-sdk/rule.ts";

export const RULES: readonly Rule[] = [
  literalSecret,
  unpinnedPackage,
  unpinnedImage,
  riskyDockerFlags,
  insecureUrl,
  shellWrapper,
  notAllowlisted,
  crossEnvCredential,
  autoApprove,
  dotenvExposed,
  ignoreFileGaps,
  noCodeowners,
  vulnerableSdk,
  parseError,
];

export const CONFIG_RULES: readonly ConfigRule[] = RULES.filter((r): r is ConfigRule => r.kind === "config");
export const REPO_RULES: readonly RepoRule[] = RULES.filter((r): r is RepoRule => r.kind === "repo");

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
