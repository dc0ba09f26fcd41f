// Slack tokens (bot, user, app-level, workspace/refresh, configuration) and incoming-webhook URLs.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { shannonEntropy } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const slackBotToken = defineSecret({
  id: "slack-bot-token",
  description: "Slack bot token (xoxb-)",
  keywords: ["xoxb-"],
  pattern: prefixedPattern("xoxb-", "[0-9]{9,13}-[0-9]{9,13}-[A-Za-z0-9]{24,34}"),
});

export const slackUserToken = defineSecret({
  id: "slack-user-token",
  description: "Slack user token (xoxp-)",
  keywords: ["xoxp-"],
  pattern: prefixedPattern("xoxp-", "[0-9]{9,13}-[0-9]{9,13}-[0-9]{9,13}-[a-f0-9]{32}"),
});

export const slackAppToken = defineSecret({
  id: "slack-app-token",
  description: "Slack app-level token (xapp-)",
  keywords: ["xapp-"],
  pattern: prefixedPattern("xapp-", "[0-9]-[A-Z0-9]{9,12}-[0-9]{9,13}-[a-f0-9]{64}"),
});

export const slackWorkspaceToken = defineSecret({
  id: "slack-workspace-token",
  description: "Slack workspace access or refresh token (xoxa-, xoxr-)",
  keywords: ["xoxa-", "xoxr-"],
  pattern: anchoredAt(
    /(?<![A-Za-z0-9_])xox[ar]-(?:[0-9]-)?[0-9A-Za-z]{8,16}(?:-[0-9A-Za-z]{8,72}){1,4}(?![A-Za-z0-9_-])/g,
    ["xoxa-", "xoxr-"],
  ),
  validate: (value) => shannonEntropy(value) >= 3.5,
});

export const slackConfigToken = defineSecret({
  id: "slack-config-token",
  description: "Slack app configuration access or refresh token (xoxe.xoxp-, xoxe-)",
  keywords: ["xoxe"],
  pattern: anchoredAt(/(?<![A-Za-z0-9_])xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,170}(?![A-Za-z0-9_-])/g, ["xoxe"]),
});

export const slackWebhookUrl = defineSecret({
  id: "slack-webhook-url",
  description: "Slack incoming webhook or workflow trigger URL (hooks.slack.com)",
  keywords: ["https://hooks.slack.com/"],
  pattern: anchoredAt(
    /https:\/\/hooks\.slack\.com\/(?:services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{23,25}|(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/[0-9]{15,20}\/[A-Za-z0-9]{32})(?![A-Za-z0-9])/g,
    ["https://hooks.slack.com/"],
  ),
});

export const SLACK_DETECTORS: readonly Detector[] = [
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackWorkspaceToken,
  slackConfigToken,
  slackWebhookUrl,
];
