// Fallback masking of secrets and PII in every string of a tool result (CWE-200, CWE-359), with the DESIGN.md
// placeholder `[REDACTED:<detector-id>#<n>]`. Replaced by the shared detectors (src/detect) once they are wired in.
import type { RedactionOutcome } from "./response-filters.ts";

interface FallbackDetector {
  readonly id: string;
  /** Global, linear-time: bounded quantifiers only, no nested repetition. */
  readonly pattern: RegExp;
}

const DETECTORS: readonly FallbackDetector[] = [
  { id: "github-token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/g },
  { id: "github-fine-grained-token", pattern: /\bgithub_pat_[A-Za-z0-9_]{82}\b/g },
  { id: "aws-access-key-id", pattern: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g },
  { id: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,200}/g },
  { id: "private-key", pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/g },
  { id: "email", pattern: /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g },
  { id: "phone", pattern: /(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g },
];

/** Masks every detected value in the strings of `data` (object keys are left alone). */
export function redactValues(data: unknown): RedactionOutcome {
  const counts: Record<string, number> = {};
  const numbering = new Map<string, number>();
  const maskString = (text: string): string => {
    let out = text;
    for (const detector of DETECTORS) {
      out = out.replace(detector.pattern, (match) => {
        const key = `${detector.id}\u0000${match}`;
        let n = numbering.get(key);
        if (n === undefined) {
          counts[detector.id] = (counts[detector.id] ?? 0) + 1;
          n = counts[detector.id] ?? 1;
          numbering.set(key, n);
        }
        return `[REDACTED:${detector.id}#${n}]`;
      });
    }
    return out;
  };
  return { value: walk(data, maskString), counts };
}

function walk(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === "string") return mask(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, mask));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = walk(item, mask);
  return out;
}
