// Tool-definition poisoning detector, shared by the gateway's sanitize guard and the scanner:
// analyzeToolDefinition(def) → findings (rule, path, message) and a sanitised copy of the definition.
import type { ToolDefinition } from "../../guards/types.ts";
import { ANSI_PATTERN, ANSI_RULE } from "./ansi.ts";
import { credentialRequest, sensitivePath } from "./credentials.ts";
import { crossToolReference } from "./cross-tool.ts";
import { encodedPayload } from "./encoded-payload.ts";
import { exfiltrationUrl } from "./exfiltration.ts";
import { concealFromUser, ignoreInstructions, instructionTag } from "./hidden-instructions.ts";
import { INVISIBLE_UNICODE_PATTERN, INVISIBLE_UNICODE_RULE } from "./invisible-unicode.ts";
import type { PoisoningFinding, TextRule } from "./types.ts";
import { cleanString, newState, OVERSIZED_RULE, walk } from "./walk.ts";

export type { PoisoningFinding, TextRule } from "./types.ts";

/** The prose heuristics, in reporting order. */
export const POISONING_TEXT_RULES: readonly TextRule[] = [
  instructionTag,
  ignoreInstructions,
  concealFromUser,
  crossToolReference,
  credentialRequest,
  sensitivePath,
  exfiltrationUrl,
  encodedPayload,
];

/** Every rule id the detector can report (text rules plus the character-level and size rules). */
export const POISONING_RULE_IDS: readonly string[] = [
  INVISIBLE_UNICODE_RULE,
  ANSI_RULE,
  OVERSIZED_RULE,
  ...POISONING_TEXT_RULES.map((r) => r.id),
];

/** Every regular expression the detector runs on untrusted text, for the ReDoS contract test. */
export const POISONING_PATTERNS: readonly { rule: string; pattern: RegExp }[] = [
  { rule: INVISIBLE_UNICODE_RULE, pattern: INVISIBLE_UNICODE_PATTERN },
  { rule: ANSI_RULE, pattern: ANSI_PATTERN },
  ...POISONING_TEXT_RULES.flatMap((r) => r.patterns.map((pattern) => ({ rule: r.id, pattern }))),
];

export interface ToolAnalysis {
  readonly findings: PoisoningFinding[];
  /** Deep copy with invisible Unicode and escapes stripped from every string value except `name`. */
  readonly sanitized: ToolDefinition;
  /** True when the tool's name itself is tainted: the tool must be dropped, never renamed (its name is its identity). */
  readonly nameTainted: boolean;
}

/** Inspects one tool definition (MCP `Tool`). Never throws on odd shapes; a non-string name is a finding. */
export function analyzeToolDefinition(def: ToolDefinition): ToolAnalysis {
  const state = newState(POISONING_TEXT_RULES);
  const { name, ...rest } = def;
  let nameTainted = typeof name !== "string";
  if (typeof name === "string" && cleanString(name, "name", state) !== name) nameTainted = true;
  const cleaned = walk(rest, "", true, 0, state) as Omit<ToolDefinition, "name">;
  return { findings: state.findings, sanitized: { name, ...cleaned } as ToolDefinition, nameTainted };
}
