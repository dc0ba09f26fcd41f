// Picks the parser by file format and bounds the input size (DESIGN.md: every parser of untrusted input has limits).
import type { CNode } from "./node.ts";
import { parseJsonc } from "./parse-jsonc.ts";
import { parseToml } from "./parse-toml.ts";
import { parseYaml } from "./parse-yaml.ts";

export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

export interface ParseOutcome {
  root: CNode | undefined;
  error?: { offset: number; message: string };
}

export type ConfigFormat = "json" | "toml" | "yaml";

export function formatOf(file: string): ConfigFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith(".toml")) return "toml";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return "json";
}

export function parseConfig(text: string, format: ConfigFormat): ParseOutcome {
  if (text.length > MAX_CONFIG_BYTES)
    return { root: undefined, error: { offset: 0, message: "file too large to scan" } };
  if (format === "toml") return parseToml(text);
  if (format === "yaml") return parseYaml(text);
  return parseJsonc(text);
}
