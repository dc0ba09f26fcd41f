// Chat platform bot credentials: Telegram bot tokens and Discord webhook URLs.
import { anchoredAt } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";

export const telegramBotToken = defineSecret({
  id: "telegram-bot-token",
  description: "Telegram Bot API token (<bot id>:AA + 33 chars)",
  keywords: [":AA"],
  pattern: anchoredAt(/(?<![A-Za-z0-9_:])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g, [":AA"], {
    chars: /[0-9]/,
    max: 10,
  }),
});

export const discordWebhookUrl = defineSecret({
  id: "discord-webhook-url",
  description: "Discord webhook URL (the token part grants posting to the channel)",
  // The three ways a match starts are its keywords, so the engine tries the pattern only at their occurrences.
  keywords: ["https://discord", "https://ptb.discord", "https://canary.discord"],
  pattern: anchoredAt(
    /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,72}(?![A-Za-z0-9_-])/g,
    ["https://discord", "https://ptb.discord", "https://canary.discord"],
  ),
});

export const CHAT_BOT_DETECTORS: readonly Detector[] = [telegramBotToken, discordWebhookUrl];
