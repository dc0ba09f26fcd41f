// The three methods of the MCP endpoint (MCP "Transports" › Streamable HTTP): POST carries one JSON-RPC message,
// GET opens the server→client stream, DELETE ends the session. Sessions are created only by `initialize` and are
// bound to the principal that created them.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BearerAuthenticator } from "../auth/bearer-authenticator.ts";
import { PolicyError } from "../errors.ts";
import type { Approver } from "../guards/confirm.ts";
import type { RateCounter } from "../guards/rate-counter.ts";
import type { SchemaValidators } from "../guards/schema-validators.ts";
import type { Principal } from "../guards/types.ts";
import { PROTOCOL_REVISIONS } from "../mcp/methods.ts";
import type { LockSource } from "../policy/lock-source.ts";
import type { Policy, UpstreamConfig } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { authorizedChain } from "./authorized-chain.ts";
import { answerStatusOf, type HttpAuthOptions } from "./http-auth.ts";
import { sendJsonError } from "./http-errors.ts";
import { BodyTooLarge, type HttpLimits, readBody } from "./http-limits.ts";
import { checkMethodHeaders } from "./http-method-headers.ts";
import { HttpReply } from "./http-reply.ts";
import { HttpSession } from "./http-session.ts";
import { type HttpSessionTable, newSessionId } from "./http-session-table.ts";
import type { Logger } from "./logger.ts";
import { errorFrame } from "./wire-errors.ts";

/** What every HTTP session is wired to, from the gateway command down to the endpoint. */
export interface HttpUpstreamWiring {
  upstreamName: string;
  upstream: UpstreamConfig;
  baseDir: string;
  audit: AuditRecorder;
  logger: Logger;
  lock?: LockSource | undefined;
}

export interface EndpointDeps extends HttpUpstreamWiring {
  policy: Policy;
  bearer?: BearerAuthenticator | undefined;
  table: HttpSessionTable;
  auth: HttpAuthOptions;
  limits: HttpLimits;
  shared: { rateCounter: RateCounter; validators: SchemaValidators; approver?: Approver | undefined };
}

const SESSION_HEADER = "mcp-session-id";
const KNOWN_REVISIONS: ReadonlySet<string> = new Set(PROTOCOL_REVISIONS);

export async function handlePost(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
): Promise<void> {
  const version = req.headers["mcp-protocol-version"];
  if (version !== undefined && !KNOWN_REVISIONS.has(String(version))) {
    req.resume();
    return sendJsonError(res, 400, "ERR_PROTOCOL_INVALID", "Unsupported MCP-Protocol-Version");
  }
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
    void session.gateway.fromClient(text, body.length);
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
  void session.gateway.fromClient(text, body.length);
}

export function handleGet(req: IncomingMessage, res: ServerResponse, deps: EndpointDeps, principal: Principal): void {
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
  const session = findSession(req, res, deps, principal);
  if (!session) return;
  await session.close();
  res.writeHead(200).end();
}

function acceptsSse(req: IncomingMessage): boolean {
  return (req.headers.accept ?? "").includes("text/event-stream");
}

function findSession(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  principal: Principal,
): HttpSession | undefined {
  const id = req.headers[SESSION_HEADER];
  if (typeof id !== "string" || id === "") {
    sendJsonError(res, 400, "ERR_PROTOCOL_INVALID", "Mcp-Session-Id header is required");
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
    chain: authorizedChain({
      policy: deps.policy,
      audit: deps.audit,
      logger: deps.logger,
      lock: deps.lock,
      ...deps.shared,
    }),
    audit: deps.audit,
    logger: deps.logger,
    answerStatus: (message) => answerStatusOf(message, deps.auth),
    onGone: (id) => deps.table.delete(id),
  });
  deps.table.add(session);
  deps.logger.info({ session: session.id.slice(0, 8), sub: principal.sub }, "HTTP session created");
  return session;
}
