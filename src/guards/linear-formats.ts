// JSON Schema `format` checks that stay linear on hostile input. ajv-formats runs native regular expressions,
// and its `email` pattern backtracks quadratically (~0.4 s for 20k characters here): a ReDoS (CWE-1333) on any
// argument a schema or policy marks `format: email`. Every regex-based format is re-compiled on RE2; the few
// that need lookahead (RE2 has none) keep the native check behind a length bound.
import type { Ajv, FormatDefinition } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { RE2JS } from "re2js";

/** Upper bounds for formats that still run a native regex; longer values are invalid. */
const NATIVE_MAX: Record<string, number> = { hostname: 253, url: 2048, duration: 256 };
const DEFAULT_NATIVE_MAX = 1024;

function regexOf(def: unknown): RegExp | undefined {
  if (def instanceof RegExp) return def;
  const v = (def as { validate?: unknown } | null)?.validate;
  return v instanceof RegExp ? v : undefined;
}

function linearTest(re: RegExp): ((s: string) => boolean) | undefined {
  if (re.flags.replace(/[iu]/g, "") !== "") return undefined; // only flags RE2 can express
  try {
    const compiled = RE2JS.compile(
      RE2JS.translateRegExp(re.source),
      re.flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0,
    );
    return (s) => compiled.test(s);
  } catch {
    return undefined;
  }
}

/** Replaces every regex-based format registered by ajv-formats with a linear-time (or length-bounded) one. */
export function addLinearFormats(ajv: Ajv): void {
  for (const [name, def] of Object.entries(fullFormats)) {
    const re = regexOf(def);
    if (re === undefined) continue;
    const linear = linearTest(re);
    const max = NATIVE_MAX[name] ?? DEFAULT_NATIVE_MAX;
    const validate = linear ?? ((s: string) => s.length <= max && re.test(s));
    ajv.addFormat(name, { type: "string", validate } satisfies FormatDefinition<string>);
  }
}
