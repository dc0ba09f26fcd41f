// GitLab tokens, recognised by their documented prefixes (GitLab docs "Token prefixes").
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

// 20 chars (legacy) up to the longer routable form, whose dot-separated parts follow the random payload.
const ROUTABLE = "[A-Za-z0-9_-]{20,64}(?:\\.[A-Za-z0-9_-]{1,64}){0,3}";

function gitlab(id: string, prefix: string, what: string, body = ROUTABLE): Detector {
  return defineSecret({
    id,
    description: `GitLab ${what} (${prefix})`,
    keywords: [prefix],
    pattern: prefixedPattern(prefix, body),
    validate: (value) => shannonEntropy(value.slice(prefix.length)) >= 3,
  });
}

export const gitlabPat = gitlab("gitlab-pat", "glpat-", "personal, project or group access token");
export const gitlabPipelineTriggerToken = gitlab(
  "gitlab-pipeline-trigger-token",
  "glptt-",
  "pipeline trigger token",
  "[0-9a-f]{40}",
);
export const gitlabRunnerToken = gitlab("gitlab-runner-token", "glrt-", "runner authentication token");
export const gitlabDeployToken = gitlab("gitlab-deploy-token", "gldt-", "deploy token");
export const gitlabOauthAppSecret = gitlab("gitlab-oauth-app-secret", "gloas-", "OAuth application secret");

export const GITLAB_DETECTORS: readonly Detector[] = [
  gitlabPat,
  gitlabPipelineTriggerToken,
  gitlabRunnerToken,
  gitlabDeployToken,
  gitlabOauthAppSecret,
];
