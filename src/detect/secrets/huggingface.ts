// Hugging Face user access tokens (hf_) and legacy organization API tokens (api_org_).
import type { Detector } from "../types.ts";
import { defineSecret } from "./define-secret.ts";
import { charClasses } from "./entropy.ts";
import { prefixedPattern } from "./token-pattern.ts";

export const huggingfaceToken = defineSecret({
  id: "huggingface-token",
  description: "Hugging Face user access token (hf_ + 34 letters)",
  keywords: ["hf_"],
  pattern: prefixedPattern("hf_", "[A-Za-z]{34}"),
  // Real tokens mix cases; a snake_case identifier such as hf_model_… never reaches 34 letters without "_".
  validate: (value) => charClasses(value.slice(3)) >= 2,
});

export const huggingfaceOrgToken = defineSecret({
  id: "huggingface-org-token",
  description: "Hugging Face organization API token (api_org_ + 34 letters)",
  keywords: ["api_org_"],
  pattern: prefixedPattern("api_org_", "[A-Za-z]{34}"),
  validate: (value) => charClasses(value.slice(8)) >= 2,
});

export const HUGGINGFACE_DETECTORS: readonly Detector[] = [huggingfaceToken, huggingfaceOrgToken];
