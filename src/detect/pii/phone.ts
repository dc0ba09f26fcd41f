// Telephone numbers: international E.164 (ITU-T E.164, up to 15 digits) and North American (NANP) formats.

import { type AnchorGuard, anchoredAt, withinDigitRun } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { definePii } from "./define-pii.ts";

/** The guard of phone-e164's anchor: what the pattern requires around its "+" (a necessary condition only). */
const countryCodeAt: AnchorGuard = (text, at) => {
  const next = text.charCodeAt(at + 1);
  if (next < 49 || next > 57) return false;
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  const word = (before >= 48 && before <= 57) || ((before | 32) >= 97 && (before | 32) <= 122);
  return !word && before !== 43;
};

export const phoneE164 = definePii({
  id: "phone-e164",
  description: "International phone number in E.164 form (+ country code, 8–15 digits, optional single separators)",
  keywords: ["+"],
  // Tried only at each "+" followed by a digit 1–9 and not glued to a word or another "+" (the engine's anchor).
  // Anchored rather than run-gated: as the one digit-run detector needing only 8 digits it set the digit runs'
  // minimum, and every "2026-11-23" of a log (8 digits) became a run for the others to skip (~10 µs per 64 KiB).
  pattern: anchoredAt(/(?<![A-Za-z0-9+])\+[1-9](?:[ -]?[0-9]){7,14}(?![0-9])/g, ["+"], undefined, countryCodeAt),
  validate: (value) => {
    const digits = value.replace(/[^0-9]/g, "");
    return digits.length >= 8 && digits.length <= 15 && !/^(\d)\1+$/.test(digits);
  },
});

export const phoneNanp = definePii({
  id: "phone-nanp",
  description: "North American phone number with separators: (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX",
  keywords: [],
  // Separators are required: a bare 10-digit run is far more often an id or timestamp than a phone number.
  // Tried only inside digit runs of 10+ digits and 2+ separators (the engine's prefilter): "NXX-NXX-XXXX" has two,
  // "(NXX) NXX-XXXX" four, "(NXX)NXX-XXXX" three.
  pattern: withinDigitRun(
    /(?<![0-9A-Za-z.-])(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9A-Za-z-]|\.[0-9])/g,
    { minDigits: 10, minSeparators: 2, first: /[0-9(+]/, notAfter: /[0-9A-Za-z.-]/ },
  ),
  validate: isNanp,
});

/** NANP plan: area and exchange codes are NXX and not N11 service codes; separators are used consistently. */
function isNanp(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, "");
  const local = digits.length === 11 ? digits.slice(1) : digits;
  if (local.length !== 10) return false;
  const area = local.slice(0, 3);
  const exchange = local.slice(3, 6);
  if (area[1] === "1" && area[2] === "1") return false;
  if (exchange[1] === "1" && exchange[2] === "1") return false;
  return !(value.includes(".") && /[ -]/.test(value.replace(/^\+?1[ .-]?/, "")));
}

export const PHONE_DETECTORS: readonly Detector[] = [phoneE164, phoneNanp];
