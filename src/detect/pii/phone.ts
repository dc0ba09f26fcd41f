// Telephone numbers: international E.164 (ITU-T E.164, up to 15 digits) and North American (NANP) formats.

import { withinDigitRun } from "../anchor.ts";
import type { Detector } from "../types.ts";
import { definePii } from "./define-pii.ts";

export const phoneE164 = definePii({
  id: "phone-e164",
  description: "International phone number in E.164 form (+ country code, 8–15 digits, optional single separators)",
  keywords: ["+"],
  // Tried only inside digit runs of 8+ digits (the engine's prefilter).
  pattern: withinDigitRun(/(?<![A-Za-z0-9+])\+[1-9](?:[ -]?[0-9]){7,14}(?![0-9])/g, {
    minDigits: 8,
    first: /\+/,
    notAfter: /[A-Za-z0-9+]/,
  }),
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
  // Tried only inside digit runs of 10+ digits (the engine's prefilter).
  pattern: withinDigitRun(
    /(?<![0-9A-Za-z.-])(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9A-Za-z-]|\.[0-9])/g,
    { minDigits: 10, first: /[0-9(+]/, notAfter: /[0-9A-Za-z.-]/ },
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
