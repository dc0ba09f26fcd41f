// Masks secrets and PII in every string of a tool result (CWE-200, CWE-359) with the shared detectors (src/detect),
// the same ones the gateway's redaction guard uses, and the DESIGN.md placeholder `[REDACTED:<detector-id>#<n>]`.
import { createDetectorEngine } from "../detect/engine.ts";
import type { DetectorEngine } from "../detect/types.ts";
import { formatPlaceholder } from "../guards/placeholders.ts";
import type { RedactionOutcome } from "./response-filters.ts";

let shared: DetectorEngine | undefined;

function engine(): DetectorEngine {
  shared ??= createDetectorEngine({ categories: ["secret", "pii"] });
  return shared;
}

/** Masks every detected value in the strings of `data` (object keys are left alone); equal values share a number. */
export function redactValues(data: unknown): RedactionOutcome {
  const counts: Record<string, number> = {};
  const numbering = new Map<string, number>();
  const detectors = engine();
  const maskString = (text: string): string => {
    const spans = detectors.scan(text);
    if (spans.length === 0) return text;
    let out = "";
    let at = 0;
    for (const span of spans) {
      const key = `${span.detector}\u0000${text.slice(span.start, span.end)}`;
      let n = numbering.get(key);
      if (n === undefined) {
        n = (counts[span.detector] ?? 0) + 1;
        counts[span.detector] = n;
        numbering.set(key, n);
      }
      out += text.slice(at, span.start) + formatPlaceholder(span.detector, n);
      at = span.end;
    }
    return out + text.slice(at);
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
