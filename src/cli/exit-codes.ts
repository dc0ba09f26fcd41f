// Exit codes of the CLI contract (DESIGN.md "CLI").
export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on, failed checks, verification failure. */
  FAILURE: 1,
  /** Usage or configuration error. */
  USAGE: 2,
} as const;
