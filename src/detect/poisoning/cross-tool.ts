// Cross-tool references: a definition that tries to steer how the model uses OTHER tools ("tool shadowing",
// Invariant Labs 2025; OWASP LLM01). A tool's description should describe that tool only.
import { patternRule, type TextRule } from "./types.ts";

export const crossToolReference: TextRule = patternRule(
  "cross-tool-reference",
  "Instructions about other tools' behaviour, order of use or arguments (tool shadowing).",
  "tries to change how other tools are used",
  [
    /\bbefore (?:using|calling|invoking|running|executing) (?:any|every|all|each|another|other|the other)(?: other)? (?:tools?|functions?|commands?)\b/,
    /\b(?:when|whenever|if) (?:the user|the assistant|the agent|the model|you|anyone|someone|claude|the ai) (?:calls?|uses?|invokes?|runs?|executes?|requests?|asks? for)\b[^.!?\n]{0,80}\binstead\b/,
    /\binstead of (?:using|calling|invoking|running) (?:the )?[a-z0-9_.:-]{1,64} (?:tool|function|command)\b/,
    /\b(?:all|every|any|each) (?:other )?(?:tool|function) (?:calls?|invocations?|requests?) (?:must|should|need to|needs to|have to|has to)\b/,
    /\b(?:this tool|it) (?:must|should|has to) (?:always )?be (?:called|used|invoked|run) (?:before|after|together with|instead of) (?:any|every|all|each|other|the other)\b/,
    /\b(?:change|changes|modify|modifies|override|overrides|alter|alters|replace|replaces|redirect|redirects) (?:the )?(?:behaviou?r|functionality|recipient|destination|target|arguments|parameters|results?|output) of (?:the|other|any|all|every|another) /,
  ],
);
