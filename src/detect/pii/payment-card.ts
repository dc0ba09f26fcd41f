// Payment card numbers (PAN): issuer ranges (ISO/IEC 7812 IIN) plus the Luhn check, so order ids are not cards.
import { withinDigitRun } from "../anchor.ts";
import { definePii } from "./define-pii.ts";

export const paymentCard = definePii({
  id: "payment-card",
  description: "Payment card number: Visa, Mastercard, American Express, Discover, JCB, Diners Club (Luhn checked)",
  keywords: [],
  // 13–19 digits, optionally grouped by single spaces or hyphens; the validator checks issuer, length and Luhn.
  // Tried only inside digit runs of 13+ digits (the engine's prefilter), not at every digit of the text.
  pattern: withinDigitRun(/(?<![0-9A-Za-z_.-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z_]|[.-][0-9])/g, {
    minDigits: 13,
    first: /[0-9]/,
    notAfter: /[0-9A-Za-z_.-]/,
  }),
  validate: isPaymentCard,
});

export function isPaymentCard(value: string): boolean {
  if (/[ ]/.test(value) && /-/.test(value)) return false;
  const digits = value.replace(/[ -]/g, "");
  return issuerAccepts(digits) && luhn(digits);
}

/** Luhn mod-10 (ISO/IEC 7812-1 Annex B). */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function issuerAccepts(digits: string): boolean {
  const n = digits.length;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  const six = Number(digits.slice(0, 6));
  if (digits[0] === "4") return n === 13 || n === 16 || n === 19; // Visa
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return n === 16; // Mastercard
  if (two === 34 || two === 37) return n === 15; // American Express
  if (four === 6011 || two === 65 || (three >= 644 && three <= 649) || (six >= 622126 && six <= 622925)) {
    return n >= 16 && n <= 19; // Discover
  }
  if (four >= 3528 && four <= 3589) return n >= 16 && n <= 19; // JCB
  if ((three >= 300 && three <= 305) || two === 36 || two === 38 || two === 39) return n >= 14 && n <= 19; // Diners
  return false;
}
