// Severity order, for --fail-on and sorting (critical first).
import type { Severity } from "./types.ts";

export const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}
