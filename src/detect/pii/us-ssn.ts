// US Social Security numbers (AAA-GG-SSSS) with the SSA's never-issued areas, groups and serials rejected.
import { withinDigitRun } from "../anchor.ts";
import { definePii } from "./define-pii.ts";

export const usSsn = definePii({
  id: "us-ssn",
  description: "US Social Security number (hyphenated), area not 000/666/900–999, group not 00, serial not 0000",
  // No keyword: "-" is in nearly every text, and the pattern (starting with a digit class) is cheap on its own.
  keywords: [],
  // Tried only inside digit runs of 9+ digits and 2+ separators (the engine's prefilter).
  pattern: withinDigitRun(/(?<![0-9A-Za-z-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9A-Za-z]|-[0-9])/g, {
    minDigits: 9,
    minSeparators: 2,
    first: /[0-9]/,
    notAfter: /[0-9A-Za-z-]/,
  }),
  validate: isSsn,
});

export function isSsn(value: string): boolean {
  const area = Number(value.slice(0, 3));
  const group = value.slice(4, 6);
  const serial = value.slice(7);
  return area !== 0 && area !== 666 && area < 900 && group !== "00" && serial !== "0000";
}
