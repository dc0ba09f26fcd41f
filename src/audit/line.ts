// Parsing one audit line back (event-text.ts writes them).

/** A line parsed as a JSON object, or undefined when it is not one. Contents are not trusted (verify checks them). */
export function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
