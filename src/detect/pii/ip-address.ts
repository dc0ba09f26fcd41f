// IP addresses (off by default: in logs and tool output they are usually infrastructure, not personal data).
import type { Detector } from "../types.ts";
import { definePii } from "./define-pii.ts";

export const ipv4 = definePii({
  id: "ipv4",
  description: "IPv4 address in dotted-quad form",
  keywords: ["."],
  pattern: /(?<![0-9A-Za-z.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9A-Za-z]|\.[0-9])/g,
  validate: (value) => value.split(".").every((octet) => Number(octet) <= 255 && !/^0[0-9]/.test(octet)),
  defaultEnabled: false,
});

export const ipv6 = definePii({
  id: "ipv6",
  description: "IPv6 address (RFC 4291 §2.2 text forms, including :: compression)",
  keywords: [":"],
  pattern: /(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])/g,
  validate: isIpv6,
  defaultEnabled: false,
});

/** Eight groups, or fewer with exactly one "::"; each group 1–4 hex digits. Rejects times (12:30:45) and MACs. */
export function isIpv6(value: string): boolean {
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  if (groups.length === 0 || groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

export const IP_DETECTORS: readonly Detector[] = [ipv4, ipv6];
