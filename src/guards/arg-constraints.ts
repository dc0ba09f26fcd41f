// The policy's per-argument constraints (`tools.<key>.args.<name>`), compiled once into a check function.
// Constraints assert the type they need (a `path_prefix` on a number or an object is a violation, not a
// pass), and apply to every element of an array value, so `paths: [..]` cannot slip past a path rule.
import type { ArgConstraint } from "../policy/schema.ts";
import { linearPattern } from "./linear-pattern.ts";
import { insidePrefixes, normalizePrefix } from "./path-prefix.ts";
import type { SchemaValidators } from "./schema-validators.ts";

/** Returns the name of the first rule `value` violates, or undefined. */
export type ArgCheck = (value: unknown) => string | undefined;

type ScalarCheck = (value: unknown) => string | undefined;

/** Throws when the constraint cannot be compiled (a pattern RE2 cannot run): callers fail closed. */
export function compileArgConstraint(c: ArgConstraint, validators: SchemaValidators): ArgCheck {
  const checks: ScalarCheck[] = [];
  if (c.enum !== undefined) {
    const allowed = c.enum;
    checks.push((v) => (allowed.some((a) => a === v) ? undefined : "enum"));
  }
  const stringCheck = compileStringChecks(c, validators);
  if (stringCheck !== undefined) checks.push(stringCheck);
  if (c.minimum !== undefined || c.maximum !== undefined) {
    const { minimum: min, maximum: max } = c;
    checks.push((v) => {
      if (typeof v !== "number" || !Number.isFinite(v)) return "type";
      if (min !== undefined && v < min) return "minimum";
      return max !== undefined && v > max ? "maximum" : undefined;
    });
  }
  const scalar: ScalarCheck = (v) => {
    for (const check of checks) {
      const rule = check(v);
      if (rule !== undefined) return rule;
    }
    return undefined;
  };
  return (value) => {
    if (!Array.isArray(value)) return scalar(value);
    for (const item of value) {
      const rule = Array.isArray(item) ? "type" : scalar(item);
      if (rule !== undefined) return rule;
    }
    return undefined;
  };
}

function compileStringChecks(c: ArgConstraint, validators: SchemaValidators): ScalarCheck | undefined {
  const { maxLength, minLength, format } = c;
  if (
    maxLength === undefined &&
    minLength === undefined &&
    c.pattern === undefined &&
    format === undefined &&
    c.path_prefix === undefined
  ) {
    return undefined;
  }
  const pattern = c.pattern === undefined ? undefined : linearPattern(c.pattern);
  const formatCheck = format === undefined ? undefined : validators.format(format);
  const prefixes =
    c.path_prefix === undefined
      ? undefined
      : (Array.isArray(c.path_prefix) ? c.path_prefix : [c.path_prefix]).map(normalizePrefix);
  return (v) => {
    if (typeof v !== "string") return "type";
    if (maxLength !== undefined && v.length > maxLength && codePoints(v) > maxLength) return "maxLength";
    if (minLength !== undefined && (v.length < minLength || (v.length < 2 * minLength && codePoints(v) < minLength)))
      return "minLength";
    if (pattern !== undefined && !pattern.test(v)) return "pattern";
    if (formatCheck !== undefined && !formatCheck(v)) return "format";
    return prefixes !== undefined && !insidePrefixes(v, prefixes) ? "path_prefix" : undefined;
  };
}

// JSON Schema lengths count Unicode code points (2020-12 validation §6.3.1), not UTF-16 units.
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
