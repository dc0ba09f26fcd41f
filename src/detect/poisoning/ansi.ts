// ANSI escape sequences and other control characters in tool definitions: they can hide or rewrite text on a
// terminal (ECMA-48 CSI/OSC sequences; CWE-150 improper neutralisation of escape sequences).

/**
 * Alternatives, each with disjoint character classes so matching stays linear:
 * CSI `ESC [ params intermediates final`, 8-bit CSI (U+009B), OSC `ESC ] … (BEL | ESC \)` (its body stops at the
 * next ESC, so an unterminated OSC costs one pass), two-byte `ESC X`,
 * then any remaining C0/C1 control except tab, line feed and carriage return.
 */
export const ANSI_PATTERN =
  /\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const ANSI_RULE = "ansi-escape";

export function hasAnsi(text: string): boolean {
  ANSI_PATTERN.lastIndex = 0;
  const found = ANSI_PATTERN.test(text);
  ANSI_PATTERN.lastIndex = 0;
  return found;
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, "");
}
