// Hidden-instruction heuristics: text in a tool definition that addresses the model instead of describing the tool
// ("tool poisoning", OWASP LLM01 prompt injection; Invariant Labs' MCP tool-poisoning write-up, 2025).
// Patterns run on normalised text (lower case, single spaces); every gap is bounded, so matching is linear-time.
import { anyMatch, followedBy, patternRule, type TextRule } from "./types.ts";

/** `<IMPORTANT>`, `<system>`, `[SYSTEM]`, `{{instructions}}` — markup that only a model would read as authority. */
export const instructionTag: TextRule = patternRule(
  "instruction-tag",
  "Instruction tags such as <IMPORTANT> or <SYSTEM> addressed to the model.",
  "contains an instruction tag addressed to the model",
  [
    /<\/?(?:important|system|system[-_ ]?prompt|instructions?|critical|secret|hidden|admin|assistant|urgent|override|mandatory|ai[-_ ]?instructions?|note[-_ ]?to[-_ ]?(?:ai|assistant|model))(?: [^<>]{0,80})?>/,
    /\[(?:system|important|instructions?|admin|hidden)(?: (?:message|note|prompt|override))?\]/,
    /\{\{ ?(?:system|important|instructions?) ?\}\}/,
  ],
);

/** "ignore all previous instructions" and its variants. */
export const ignoreInstructions: TextRule = patternRule(
  "ignore-instructions",
  "Asks the model to ignore or override its previous instructions.",
  "asks the model to ignore its previous instructions",
  [
    /\b(?:ignore|disregard|forget|override|bypass) (?:(?:all|any|the|your|of|these|those|my) ){0,3}(?:previous|prior|above|earlier|preceding|former|original|existing|system|safety|developer)(?: [a-z]{1,20})? (?:instructions?|prompts?|rules|directions|directives|guidelines|messages|guardrails|policies|constraints)\b/,
    /\b(?:new|updated|real|actual|true) (?:system )?instructions ?:/,
    /\b(?:the )?(?:previous|above|prior) instructions (?:are|were) (?:wrong|outdated|void|cancelled|canceled|obsolete|revoked)\b/,
  ],
);

/** "do not tell … the user": the verb, then "user" later in the same sentence (within 60 characters). */
const CONCEAL_VERB =
  /\b(?:do not|don't|dont|never|must not|should not|shouldn't|without) (?:ever )?(?:tell|tells|telling|mention|mentioning|inform|informing|notify|notifying|alert|alerting|reveal|revealing|disclose|disclosing|let|letting|acknowledge|warn|warning)\b/g;
const USER = /\buser/;
const CONCEAL_PHRASES = [
  /\b(?:hide|conceal|keep) (?:this|it|that|these|the [a-z_-]{1,30})(?: [a-z_-]{1,30}){0,3} (?:secret )?from the user\b/,
  /\bwithout (?:the )?user(?:'s|s)? (?:knowledge|knowing|noticing|awareness|consent|seeing)\b/,
  /\b(?:the )?user (?:must|should|will|need|needs to|is) (?:not|never) (?:know|see|notice|be told|be informed|find out|be aware)\b/,
  /\b(?:silently|secretly|covertly|quietly|discreetly) (?:send|copy|forward|upload|read|include|append|exfiltrate|collect|add|post|transmit)\b/,
];

/** "do not tell the user", "without the user's knowledge", "silently send" — concealment from the human. */
export const concealFromUser: TextRule = {
  id: "conceal-from-user",
  description: "Asks the model to hide an action or information from the user.",
  message: "asks the model to hide something from the user",
  patterns: [CONCEAL_VERB, USER, ...CONCEAL_PHRASES],
  test: (_raw, norm) => followedBy(norm, CONCEAL_VERB, USER, 60) || anyMatch(CONCEAL_PHRASES, norm),
};
