// Canonical JSON (RFC 8785 JCS subset): object keys sorted by UTF-16 code units, no whitespace, numbers as JSON.stringify.
// Used for args_fp, the audit hash chain and tool pins, so equal values always hash equally.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // undefined and functions have no JSON form; treat them as null like JSON.stringify does in arrays.
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}
