// Response size cap: keep head and tail of an oversized text with a notice in between (unbounded output, CWE-400).
import type { CapOutcome } from "./response-filters.ts";

const NOTICE_BUDGET = 120;

/** Truncates `text` to at most `maxBytes` UTF-8 bytes, keeping the head and the tail. */
export function capText(text: string, maxBytes: number): CapOutcome {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return { text, truncated: false };
  const keep = Math.max(0, maxBytes - NOTICE_BUDGET);
  const headLen = Math.ceil(keep * 0.75);
  const head = decodeClean(bytes.subarray(0, headLen));
  const tail = decodeClean(bytes.subarray(bytes.length - (keep - headLen)));
  // Same notice wording as the gateway's size cap (src/guards/truncate-result.ts).
  const notice = `\n[mcp-warden: response truncated from ${bytes.length} to ${maxBytes} bytes]\n`;
  return { text: `${head}${notice}${tail}`, truncated: true };
}

// A cut inside a multi-byte character decodes to U+FFFD at the edge; drop those partial characters.
function decodeClean(slice: Buffer): string {
  return slice.toString("utf8").replace(/^\uFFFD+|\uFFFD+$/g, "");
}
