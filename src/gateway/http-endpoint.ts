// The three methods of the MCP endpoint (MCP "Transports" › Streamable HTTP): POST carries one JSON-RPC message,
// GET opens the server→client stream, DELETE ends the session. Sessions (2025 revisions) are created only by
// `initialize` and are bound to the principal that created them; stateless 2026-07-28 POSTs, told apart by their
// version header and `_meta`, go to http-stateless.ts on the same endpoint.
import type { IncomingMessage, ServerResponse } from "node:http";
import { PolicyError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";
import { PROTOCOL_REVISIONS } from "../mcp/methods.ts";
import { answerStatusOf } from "./http-auth.ts";
import { acceptsSse, chainFor, type EndpointDeps } from "./http-deps.ts";
import { sendJsonError, sendRpcError } from "./http-errors.ts";
import { BodyTooLarge, readBody } from "./http-limits.ts";
import { checkMethodHeaders } from "./http-method-headers.ts";
import { HttpReply } from "./http-reply.ts";
import { HttpSession } from "./http-session.ts";
import { newSessionId } from "./http-session-table.ts";
import { handleStatelessPost, refuseStatelessGetOrDelete } from "./http-stateless.ts";
import { isStatelessRequest, STATELESS_REVISIONS, unsupportedVersion } from "./stateless-meta.ts";
import { errorFrame } from "./wire-errors.ts";

export type { EndpointDeps, HttpUpstreamWiring } from "./http-deps.ts";

const SESSION_HEADER = "mcp-session-id";
const KNOWN_REVISIONS: ReadonlySet<string> = new Set(PROTOCOL_REVISIONS);

export async function handlePost(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req, deps.limits.maxBodyBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge)
      return sendJsonError(res, 413, "ERR_POLICY_REQUEST_TOO_LARGE", undefined, { connection: "close" });
    throw err;
  }
  const text = body.toString("utf8");
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return sendJsonError(res, 400, "ERR_PROTOCOL_PARSE");
  }
  // JSON-RPC batches were removed in the 2025-06-18 revision; the gateway refuses them everywhere.
  if (Array.isArray(message)) return sendJsonError(res, 400, "ERR_PROTOCOL_BATCH");
  if (message === null || typeof message !== "object") return sendJsonError(res, 400, "ERR_PROTOCOL_INVALID");
  const msg = message as Record<string, unknown>;
  const version = req.headers["mcp-protocol-version"];
  if (version !== undefined && !KNOWN_REVISIONS.has(String(version)))
    return sendRpcError(res, requestId(msg), "ERR_PROTOCOL_INVALID", unsupportedVersion(String(version)));
  if (isStatelessRequest(req.headers, msg)) return handleStatelessPost(req, res, deps, principal, msg);
  const mismatch = checkMethodHeaders(req.headers, msg);
  if (mismatch) return sendJsonError(res, 400, "ERR_PROTOCOL_INVALID", mismatch);
  const id = msg.id;
  const isRequest = typeof msg.method === "string" && (typeof id === "string" || typeof id === "number");
  const session =
    isRequest && msg.method === "initialize"
      ? createSession(req, res, deps, principal)
      : findSession(req, res, deps, principal);
  if (!session) return;
  if (!isRequest) {
    res.writeHead(202, { [SESSION_HEADER]: session.id }).end();
    void session.gateway.fromClient(text, body.length, msg);
    return;
  }
  const reqId = id as string | number;
  const headers = { [SESSION_HEADER]: session.id };
  const reply = new HttpReply(res, acceptsSse(req), headers);
  if (session.hasPending(reqId)) {
    // Two in-flight requests with one id would mis-route answers (typescript-sdk#1186).
    reply.final(errorFrame(reqId, new PolicyError("ERR_PROTOCOL_DUPLICATE_ID")));
    return;
  }
  session.expect(reqId, reply, res, msg);
  void session.gateway.fromClient(text, body.length, msg);
}

export function handleGet(req: IncomingMessage, res: ServerResponse, deps: EndpointDeps, principal: Principal): void {
  if (isStatelessGetOrDelete(req)) {
    refuseStatelessGetOrDelete(res);
    return;
  }
  if (!acceptsSse(req)) {
    sendJsonError(res, 406, "ERR_PROTOCOL_INVALID", "Accept must include text/event-stream");
    return;
  }
  const session = findSession(req, res, deps, principal);
  if (!session) return;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    [SESSION_HEADER]: session.id,
  });
  res.flushHeaders();
  if (!session.openStream(res)) {
    res.end(); // one stream per session: a second GET ends at once, the client retries later
  }
}

export async function handleDelete(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
): Promise<void> {
  if (isStatelessGetOrDelete(req)) return refuseStatelessGetOrDelete(res);
  const session = findSession(req, res, deps, principal);
  if (!session) return;
  await session.close();
  res.writeHead(200).end();
}

/** A GET/DELETE of a 2026-07-28 client: no session, a stateless version header. */
function isStatelessGetOrDelete(req: IncomingMessage): boolean {
  const version = req.headers["mcp-protocol-version"];
  return req.headers[SESSION_HEADER] === undefined && version !== undefined && STATELESS_REVISIONS.has(String(version));
}

function requestId(message: Record<string, unknown>): string | number | null {
  return typeof message.id === "string" || typeof message.id === "number" ? message.id : null;
}

function findSession(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
): HttpSession | undefined {
  const id = req.headers[SESSION_HEADER];
  if (typeof id !== "string" || id === "") {
    const why =
      "Mcp-Session-Id header is required (2025 revisions: initialize first; 2026-07-28: send MCP-Protocol-Version and params._meta)";
    sendJsonError(res, 400, "ERR_PROTOCOL_INVALID", why);
    return undefined;
  }
  const found = deps.table.lookup(id, principal);
  if (!found.ok) {
    if (principal.iss !== "")
      deps.logger.warn({ sub: principal.sub }, "unknown session id, or a session of another principal");
    sendJsonError(res, 404, "ERR_AUTH_SESSION_MISMATCH", "Session not found");
    return undefined;
  }
  return found.session;
}

function createSession(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
): HttpSession | undefined {
  if (req.headers[SESSION_HEADER] !== undefined) {
    sendJsonError(res, 400, "ERR_PROTOCOL_INVALID", "initialize must not carry Mcp-Session-Id");
    return undefined;
  }
  if (deps.table.full) {
    sendJsonError(res, 503, "ERR_UPSTREAM_UNAVAILABLE", "Too many sessions", { "retry-after": "5" });
    return undefined;
  }
  const session = new HttpSession({
    id: newSessionId(),
    principal,
    policy: deps.policy,
    upstreamName: deps.upstreamName,
    upstream: deps.upstream,
    baseDir: deps.baseDir,
    chain: chainFor(deps),
    audit: deps.audit,
    logger: deps.logger,
    answerStatus: (message) => answerStatusOf(message, deps.auth),
    onGone: (id) => deps.table.delete(id),
  });
  deps.table.add(session);
  deps.logger.info({ session: session.id.slice(0, 8), sub: principal.sub }, "HTTP session created");
  return session;
}
