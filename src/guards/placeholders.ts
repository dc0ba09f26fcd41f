// Stable redaction placeholders per session: the same value always gets the same `[REDACTED:<detector>#<n>]`
// (DESIGN.md "Placeholders"), so a model can still tell two masked values apart without ever seeing either.
import { createHmac, randomBytes } from "node:crypto";
import type { SessionState } from "./types.ts";

const SCRATCH_KEY = "redact";
/** Bound on remembered values per session; the oldest mapping is forgotten first (numbers are never reused). */
export const MAX_PLACEHOLDERS = 4096;

interface PlaceholderState {
  /** Per-session key of the digests below, so a leaked map cannot be tested against guessed values. */
  readonly key: Buffer;
  /** HMAC-SHA-256 of detector + value → placeholder. Only digests are kept, never the values (CWE-316). */
  readonly byDigest: Map<string, string>;
  /** Last number issued per detector id. */
  readonly counters: Map<string, number>;
}

function stateOf(session: SessionState): PlaceholderState {
  let state = session.scratch.get(SCRATCH_KEY) as PlaceholderState | undefined;
  if (!state) {
    state = { key: randomBytes(32), byDigest: new Map(), counters: new Map() };
    session.scratch.set(SCRATCH_KEY, state);
  }
  return state;
}

/** The placeholder text for detector id and number. */
export function formatPlaceholder(detector: string, n: number): string {
  return `[REDACTED:${detector}#${n}]`;
}

/** The session's placeholder for `value` found by `detector`, issuing the next number on first sight. */
export function placeholderFor(session: SessionState, detector: string, value: string, max = MAX_PLACEHOLDERS): string {
  const state = stateOf(session);
  const digest = createHmac("sha256", state.key).update(detector).update("\u0000").update(value).digest("base64");
  const known = state.byDigest.get(digest);
  if (known) return known;
  const n = (state.counters.get(detector) ?? 0) + 1;
  state.counters.set(detector, n);
  const placeholder = formatPlaceholder(detector, n);
  if (state.byDigest.size >= max) {
    const oldest = state.byDigest.keys().next();
    if (!oldest.done) state.byDigest.delete(oldest.value);
  }
  state.byDigest.set(digest, placeholder);
  return placeholder;
}
