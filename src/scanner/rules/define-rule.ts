// Helpers to declare rules as data + a function (ESLint/Biome rule-catalogue style).
import type { ConfigRule, RepoRule } from "../types.ts";

export function defineConfigRule(rule: Omit<ConfigRule, "kind">): ConfigRule {
  return { kind: "config", ...rule };
}

export function defineRepoRule(rule: Omit<RepoRule, "kind">): RepoRule {
  return { kind: "repo", ...rule };
}
