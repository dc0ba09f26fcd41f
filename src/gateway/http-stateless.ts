// POSTs of the stateless 2026-07-28 revision on the shared MCP endpoint (MCP 2026-07-28 "Streamable HTTP"): each
// request is checked on its own (stateless-meta.ts), then served by the caller's lane (stateless-lane.ts);
// `server/discover` is answered by the gateway from the upstream's initialize result (discover.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { JSONRPC, PolicyError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";
import { discoverResult } from "./discover.ts";
import { acceptsSse, chainFor, type EndpointDeps, statelessStatus } from "./http-deps.ts";
import { sendJsonError, sendRpcError } from "./http-errors.ts";
import { HttpReply } from "./http-reply.ts";
import { laneKey } from "./http-session-table.ts";
import { StatelessLane } from "./stateless-lane.ts";
import { checkStatelessRequest } from "./stateless-meta.ts";
import { errorFrame } from "./wire-errors.ts";

type Json = Record<string, unknown>;

/** Methods a stateless caller may not send: the 2025 handshake, and what the gateway does not offer statelessly. */
const NOT_STATELESS: Readonly<Record<string, string>> = {
  initialize: "initialize is not part of 2026-07-28: send requests directly, each with its _meta",
  "notifications/initialized": "notifications/initialized is not part of 2026-07-28",
  "subscriptions/listen": "subscriptions/listen is not offered by this gateway",
};

export async function handleStatelessPost(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
  message: Json,
): Promise<void> {
  const id = message.id;
  const method = message.method;
  if (typeof method === "string" && id === undefined) {
    // 2026-07-28 defines no client notifications over HTTP (a closed stream is the cancellation): accepted, unused.
    res.writeHead(202).end();
    return;
  }
  if (typeof method !== "string" || (typeof id !== "string" && typeof id !== "number")) {
    const why = "A 2026-07-28 POST carries one request (method and id): never a response or a batch";
    return sendRpcError(res, null, "ERR_PROTOCOL_INVALID", {
      status: 400,
      jsonRpcCode: JSONRPC.INVALID_REQUEST,
      message: why,
    });
  }
  const checked = checkStatelessRequest(req.headers, message);
  if (!checked.ok) return sendRpcError(res, id, "ERR_PROTOCOL_INVALID", checked.refusal);
  const refused = NOT_STATELESS[method];
  if (refused !== undefined || (method === "server/discover" && deps.policy.methods?.deny.includes(method)))
    return sendRpcError(res, id, "ERR_POLICY_METHOD_NOT_ALLOWED", {
      status: 404,
      jsonRpcCode: JSONRPC.METHOD_NOT_FOUND,
      message: refused ?? "Method not found",
    });
  const lane = laneFor(res, deps, principal);
  if (!lane) return;
  const reply = new HttpReply(res, acceptsSse(req), {});
  if (method === "server/discover") return discover(lane, reply, id, deps);
  return lane.submit(message, reply, res);
}

async function discover(lane: StatelessLane, reply: HttpReply, id: string | number, deps: EndpointDeps): Promise<void> {
  let initialize: Json;
  try {
    initialize = await lane.ready();
  } catch {
    const error = new PolicyError("ERR_UPSTREAM_UNAVAILABLE", { jsonRpcCode: JSONRPC.SERVER_ERROR });
    reply.final(errorFrame(id, error), 503);
    return;
  }
  reply.final(JSON.stringify({ jsonrpc: "2.0", id, result: discoverResult(initialize, deps.policy) }));
}

/** The caller's lane, opened on its first request; undefined (and a 503 sent) when the gateway is at its limit. */
function laneFor(res: ServerResponse, deps: EndpointDeps, principal: Principal): StatelessLane | undefined {
  const key = laneKey(principal);
  const open = deps.table.lane(key);
  if (open) return open;
  if (deps.table.full) {
    sendJsonError(res, 503, "ERR_UPSTREAM_UNAVAILABLE", "Too many sessions", { "retry-after": "5" });
    return undefined;
  }
  const lane = new StatelessLane({
    ...deps,
    key,
    principal,
    chain: chainFor(deps),
    answerStatus: (answer) => statelessStatus(answer, deps.auth),
    onGone: (gone) => deps.table.deleteLane(gone),
  });
  deps.table.addLane(lane);
  deps.logger.info({ sub: principal.sub }, "HTTP stateless lane opened");
  return lane;
}

/** GET and DELETE belong to 2025 sessions: 2026-07-28 has neither (its "Backward Compatibility": 405). */
export function refuseStatelessGetOrDelete(res: ServerResponse): void {
  sendRpcError(res, null, "ERR_PROTOCOL_INVALID", {
    status: 405,
    jsonRpcCode: JSONRPC.INVALID_REQUEST,
    message: "2026-07-28 has no GET stream and no DELETE: every request is its own POST",
    headers: { allow: "POST" },
  });
}
