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
  // One pass over the sorted keys (no filter/map/join arrays): this runs for every call's arguments and events.
  const object = value as Record<string, unknown>;
  let out = "";
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    out += `${out === "" ? "{" : ","}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return out === "" ? "{}" : `${out}}`;
}
