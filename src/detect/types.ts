// The detector contract shared by redaction (gateway, server toolkit) and the scanner.
// A detector is data plus a function: id, keyword prefilter, one linear-time pattern, an optional validator.

export type DetectorCategory = "secret" | "pii";

export interface Detector {
  /** Stable kebab-case id; appears in placeholders `[REDACTED:<id>#<n>]` and scan findings. */
  readonly id: string;
  readonly category: DetectorCategory;
  readonly description: string;
  /**
   * Lower-case substrings; the detector runs only when the lower-cased text contains at least one. A keyword with an
   * upper-case letter must occur in that exact case (for case-sensitive patterns only: "AC" of a Twilio SID).
   * Empty means "always run" (use sparingly: it costs a regex pass on every text).
   */
  readonly keywords: readonly string[];
  /** Must have the `g` flag and be linear-time (a contract test runs a ReDoS checker over every pattern). */
  readonly pattern: RegExp;
  /** Which capture group holds the sensitive value (default 0: the whole match). Only that span is reported. */
  readonly group?: number;
  /** Rejects near misses (checksums, Luhn, mod-97, entropy, placeholders). */
  readonly validate?: (value: string) => boolean;
  /** Off unless enabled explicitly (e.g. IP addresses). */
  readonly defaultEnabled: boolean;
}

/** One finding in a text: [start, end) offsets of the sensitive value. */
export interface Span {
  readonly detector: string;
  readonly category: DetectorCategory;
  readonly start: number;
  readonly end: number;
}

export interface DetectorEngineOptions {
  categories?: readonly DetectorCategory[];
  /** Detector ids to enable on top of the defaults (e.g. "ipv4"). */
  enable?: readonly string[];
  /** Detector ids to turn off. */
  disable?: readonly string[];
}

export interface DetectorEngine {
  /** One pass over `text`: sorted, non-overlapping spans (longest wins on overlap). */
  scan(text: string): Span[];
  readonly detectors: readonly Detector[];
}
