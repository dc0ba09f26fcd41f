// Guard `request-size`: a client message larger than `defaults.max_request_bytes` is refused (CWE-400).
// The framing layer should call checkRequestBytes() before parsing too, so a huge line is never parsed.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { Policy } from "../policy/schema.ts";
import type { Guard, Phase } from "./types.ts";

const CLIENT_PHASES: readonly Phase[] = ["request", "client-response", "client-notification"];

/** Throws ERR_POLICY_REQUEST_TOO_LARGE when `bytes` exceeds the policy's request limit. */
export function checkRequestBytes(bytes: number, policy: Policy): void {
  const max = policy.defaults.max_request_bytes;
  if (bytes > max) {
    throw new PolicyError("ERR_POLICY_REQUEST_TOO_LARGE", {
      jsonRpcCode: JSONRPC.INVALID_REQUEST,
      data: { max_bytes: max },
    });
  }
}

export function requestSize(): Guard {
  return { id: "request-size", phases: CLIENT_PHASES, run: (ctx) => checkRequestBytes(ctx.bytes, ctx.policy) };
}
