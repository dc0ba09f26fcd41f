// The 2025 handshake a stateless lane performs with its upstream, once, on behalf of its 2026-07-28 callers (MCP
// 2025-11-25 "Lifecycle": initialize, then notifications/initialized). It goes through the lane's GatewaySession
// like any client's, so the guards see it.
import { VERSION } from "../version.ts";

/** The revision offered to the upstream; the upstream answers with the one it speaks. */
const UPSTREAM_REVISION = "2025-11-25";
export const LANE_INIT_ID = "warden-lane-init";

type Json = Record<string, unknown>;

export interface LaneHandshake {
  /** Resolves with the upstream's initialize result (after the response guards). */
  readonly done: Promise<Json>;
  /** The answer to LANE_INIT_ID arrived: true when it was a result. */
  answered(message: Json): boolean;
  abort(reason: string): void;
}

/**
 * Starts the handshake through `send`. The lane declares no client capabilities: a stateless caller cannot answer
 * server→client requests (2026-07-28 has none; MRTR replaces them), so the upstream must not be told it may send them.
 */
export function startLaneHandshake(send: (message: Json) => void): LaneHandshake {
  let settle: { resolve(result: Json): void; reject(err: Error): void } | undefined;
  const answer = new Promise<Json>((resolve, reject) => {
    settle = { resolve, reject };
  });
  send({
    jsonrpc: "2.0",
    id: LANE_INIT_ID,
    method: "initialize",
    params: {
      protocolVersion: UPSTREAM_REVISION,
      capabilities: {},
      clientInfo: { name: "mcp-warden", version: VERSION },
    },
  });
  const done = answer.then((result) => {
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    return result;
  });
  done.catch(() => undefined); // callers that wait see the rejection; nobody waiting is not an error
  const finish = (outcome: Json | Error) => {
    const s = settle;
    settle = undefined;
    if (outcome instanceof Error) s?.reject(outcome);
    else s?.resolve(outcome);
  };
  return {
    done,
    answered(message) {
      const result = message.result;
      const ok = result !== null && typeof result === "object" && !Array.isArray(result);
      finish(ok ? (result as Json) : new Error("the upstream refused the lane's initialize"));
      return ok;
    },
    abort: (reason) => finish(new Error(reason)),
  };
}
