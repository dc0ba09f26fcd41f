// Depth and string-length limits for parsed JSON-RPC messages (DESIGN.md: every parser of untrusted input has
// size and depth limits; CWE-400, CWE-674). The walk is iterative, so hostile nesting cannot overflow the stack.
import { PolicyError } from "../errors.ts";
import type { Policy } from "../policy/schema.ts";

export interface JsonLimits {
  /** Deepest allowed container nesting; the message object itself is depth 1. */
  maxDepth: number;
  /** Longest allowed string (object keys included), in UTF-8 bytes. */
  maxStringLength: number;
  /** Skip the string check (the response size cap shrinks oversized strings instead). */
  skipStrings?: boolean;
}

/** The limits of `defaults` in the policy. */
export function jsonLimitsOf(policy: Policy): JsonLimits {
  return { maxDepth: policy.defaults.max_depth, maxStringLength: policy.defaults.max_string_length };
}

/**
 * Throws PolicyError ERR_POLICY_TOO_DEEP or ERR_POLICY_STRING_TOO_LONG when `value` breaks a limit.
 * One pass, O(size of the value); no allocation per primitive.
 */
export function checkJsonLimits(value: unknown, limits: JsonLimits): void {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  const checkStrings = limits.skipStrings !== true;
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop() as number;
    if (typeof v === "string") {
      if (checkStrings) checkString(v, limits.maxStringLength);
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    const d = depth + 1;
    if (d > limits.maxDepth) throw new PolicyError("ERR_POLICY_TOO_DEEP", { data: { max_depth: limits.maxDepth } });
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) pushIfNested(values, depths, v[i], d, checkStrings, limits.maxStringLength);
      continue;
    }
    for (const key in v) {
      if (checkStrings) checkString(key, limits.maxStringLength);
      pushIfNested(values, depths, (v as Record<string, unknown>)[key], d, checkStrings, limits.maxStringLength);
    }
  }
}

// Strings are checked in place instead of being pushed: most values of a message are primitives.
function pushIfNested(
  values: unknown[],
  depths: number[],
  v: unknown,
  depth: number,
  checkStrings: boolean,
  max: number,
): void {
  if (typeof v === "object" && v !== null) {
    values.push(v);
    depths.push(depth);
  } else if (checkStrings && typeof v === "string") {
    checkString(v, max);
  }
}

// UTF-8 needs at least one byte per UTF-16 code unit and at most three, so the exact byte count is only
// computed for strings in the ambiguous band.
function checkString(s: string, max: number): void {
  if (s.length <= max / 3) return;
  if (s.length > max || Buffer.byteLength(s, "utf8") > max) {
    throw new PolicyError("ERR_POLICY_STRING_TOO_LONG", { data: { max_string_length: max } });
  }
}
