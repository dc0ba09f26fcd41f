// Recording a detector's match during a scan: the reported group's offset, validation, and the exact-span check
// that spares validating a span an earlier detector already reported.
import type { CompiledDetector } from "./compile.ts";
import type { Candidate } from "./overlaps.ts";

/** Candidates of one scan, and the lowest detector order that reported each exact span (start · 2^16 + length). */
export interface Collected {
  readonly candidates: Candidate[];
  readonly orderOf: Map<number, number>;
}

/**
 * Validates and records one match. A span some detector listed earlier (or this one) already reported is not
 * validated again: resolveOverlaps would drop it whatever happens to the first, since an identical span sorts after
 * it and is dropped with it or by it. Measured on the secret-dense bench documents: generic-api-key validated ~80
 * values per document at ~4 µs each, most of them the very span a provider detector had just reported.
 */
export function accept(c: CompiledDetector, m: RegExpExecArray, text: string, offset: number, out: Collected): void {
  const { group, detector } = c;
  const value = m[group];
  if (value === undefined || value.length === 0) return;
  const start = offset + (group === 0 ? m.index : groupStart(c.indices, m, group, text));
  // A number, not a "start:length" string: spans are shorter than 2^16 (see OVERLAP), starts below 2^37.
  const key = start * 65536 + value.length;
  const earlier = out.orderOf.get(key);
  if (earlier !== undefined && earlier <= c.order) return;
  if (detector.validate && !detector.validate(value)) return;
  out.orderOf.set(key, c.order);
  out.candidates.push({
    detector: detector.id,
    category: detector.category,
    start,
    end: start + value.length,
    order: c.order,
  });
}

/**
 * Where group `group` of match `m` starts. When the group's text occurs once in the match, that is where the group
 * is (it is a substring of the match at its own offset); otherwise the same attempt at the same position with the
 * `d` copy gives the same match with offsets. A sticky attempt with `d` measured ~0.3 µs (see compile.ts); the
 * search is two string searches within the match.
 */
function groupStart(indices: RegExp | undefined, m: RegExpExecArray, group: number, text: string): number {
  const whole = m[0];
  const value = m[group] ?? "";
  const at = whole.lastIndexOf(value);
  if (at >= 0 && whole.indexOf(value) === at) return m.index + at;
  if (!indices) return m.index;
  indices.lastIndex = m.index;
  return indices.exec(text)?.indices?.[group]?.[0] ?? m.index;
}
