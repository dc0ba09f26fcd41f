// The text a human sees when asked to confirm a call: tool, server and arguments, with secrets and PII masked (the
// confirmation prompt must not itself leak what the redaction guard would hide) and a bounded length.
import { createDetectorEngine } from "../detect/engine.ts";

const MAX_ARGS_CHARS = 2000;
/** Marks the gateway's own confirmation prompts, so a human can tell them from a server's elicitation. */
export const CONFIRMATION_PREFIX = "[mcp-warden]";
let engine: ReturnType<typeof createDetectorEngine> | undefined;

export function confirmationMessage(upstream: string, tool: string, args: unknown): string {
  return `${CONFIRMATION_PREFIX} Allow the tool "${tool}" on server "${upstream}" to run with these arguments?\n${maskedArguments(args)}`;
}

export function maskedArguments(args: unknown): string {
  engine ??= createDetectorEngine({ categories: ["secret", "pii"] });
  let text = JSON.stringify(args ?? {}, null, 2);
  if (text.length > MAX_ARGS_CHARS)
    text = `${text.slice(0, MAX_ARGS_CHARS)}\n… (${text.length - MAX_ARGS_CHARS} more characters)`;
  let out = "";
  let at = 0;
  for (const span of engine.scan(text)) {
    out += `${text.slice(at, span.start)}[${span.detector}]`;
    at = span.end;
  }
  return out + text.slice(at);
}
