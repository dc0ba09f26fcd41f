// The toolkit's response pipeline behind one small interface, so the shared guards (src/guards/project.ts,
// redact.ts, size-cap.ts) can replace the built-in fallbacks without touching the call path.
import { capText } from "./cap-text.ts";
import { projectFields } from "./project-fields.ts";
import { redactValues } from "./redact-values.ts";

export interface RedactionOutcome {
  value: unknown;
  /** Count of masked values per detector id. */
  counts: Record<string, number>;
}

export interface CapOutcome {
  text: string;
  truncated: boolean;
}

export interface ResponseFilters {
  /** Keep only `fields` (dotted paths) of `data`. */
  project(data: unknown, fields: readonly string[]): unknown;
  /** Mask secrets and PII in every string of `data` with `[REDACTED:<detector-id>#<n>]` placeholders. */
  redact(data: unknown): RedactionOutcome;
  /** Bound `text` to `maxBytes` UTF-8 bytes. */
  cap(text: string, maxBytes: number): CapOutcome;
}

/** The built-in filters (used until the shared guards are wired in). */
export function defaultResponseFilters(): ResponseFilters {
  return { project: projectFields, redact: redactValues, cap: capText };
}
