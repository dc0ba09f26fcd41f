// The Streamable HTTP front (MCP "Transports" › Streamable HTTP): one endpoint `/mcp` taking POST (JSON-RPC in; JSON
// or SSE out), GET (server→client stream) and DELETE (end the session) for the 2025 revisions, and stateless POSTs of
// 2026-07-28. Every request passes the Host/Origin check, then authentication, before anything else; each session
// (and each stateless lane) owns its own upstream child.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { CONSOLE_PATH, type ConsoleHandler } from "../approvals/console-handler.ts";
import type { BearerAuthenticator } from "../auth/bearer-authenticator.ts";
import { metadataFromPolicy, metadataPaths, resourceMetadataUrl } from "../auth/resource-metadata.ts";
import type { Approver } from "../guards/confirm.ts";
import { createMemoryRateCounter } from "../guards/rate-counter.ts";
import { createSchemaValidators } from "../guards/schema-validators.ts";
import type { Policy } from "../policy/schema.ts";
import { checkHostOrigin } from "./host-origin.ts";
import { type HttpAuthOptions, principalOfRequest, refusalOf } from "./http-auth.ts";
import type { EndpointDeps, HttpUpstreamWiring } from "./http-deps.ts";
import { handleDelete, handleGet, handlePost } from "./http-endpoint.ts";
import { sendJsonError } from "./http-errors.ts";
import { httpLimitsFrom, serverLimitOptions } from "./http-limits.ts";
import { HttpSessionTable } from "./http-session-table.ts";

export const MCP_PATH = "/mcp";
/** Sessions one gateway process serves at most (each has its own upstream child). */
export const DEFAULT_MAX_SESSIONS = 100;
/** A session with no pending call and no open stream is closed after this long. */
export const SESSION_IDLE_MS = 15 * 60_000;

export interface HttpFrontOptions extends HttpUpstreamWiring {
  policy: Policy;
  host: string;
  port: number;
  bearer?: BearerAuthenticator | undefined;
  /** PEM contents; `ca` turns on mTLS (client certificates required and verified). */
  tls?: { cert: Buffer; key: Buffer; ca?: Buffer | undefined } | undefined;
  maxSessions?: number;
  sessionIdleMs?: number;
  approver?: Approver | undefined;
  /** Serves /warden/approvals to authenticated principals (the handler checks the approver scope). */
  approvalConsole?: ConsoleHandler | undefined;
}

export interface HttpFront {
  readonly url: string;
  readonly server: Server;
  readonly sessionCount: number;
  /** Stateless lanes open (one per 2026-07-28 principal). */
  readonly laneCount: number;
  close(): Promise<void>;
}

export async function startHttpFront(opts: HttpFrontOptions): Promise<HttpFront> {
  const { policy } = opts;
  const listen = policy.listen ?? listenDefaults();
  const limits = httpLimitsFrom(listen);
  const table = new HttpSessionTable({
    maxSessions: opts.maxSessions ?? DEFAULT_MAX_SESSIONS,
    idleMs: opts.sessionIdleMs ?? SESSION_IDLE_MS,
  });
  let url = "";
  const resource = () => policy.listen?.public_url ?? policy.auth?.oauth?.audience ?? url;
  const auth: HttpAuthOptions = {
    bearer: opts.bearer,
    mtls: opts.tls?.ca
      ? { principalFrom: policy.auth?.mtls?.principal_from ?? "san", environment: policy.environment }
      : undefined,
    resourceMetadataUrl: () => resourceMetadataUrl(resource()),
  };
  const deps: EndpointDeps = {
    ...opts,
    table,
    auth,
    limits,
    shared: { rateCounter: createMemoryRateCounter(), validators: createSchemaValidators(), approver: opts.approver },
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, deps, resource(), opts.approvalConsole).catch((err: unknown) => {
      opts.logger.error({ err: String(err) }, "HTTP request handling failed");
      if (!res.headersSent) sendJsonError(res, 500, "ERR_INTERNAL");
      else res.destroy();
    });
  };
  const base = serverLimitOptions(limits);
  const server = opts.tls
    ? createHttpsServer(
        {
          ...base,
          cert: opts.tls.cert,
          key: opts.tls.key,
          ...(opts.tls.ca ? { ca: opts.tls.ca, requestCert: true, rejectUnauthorized: true } : {}),
        },
        handler,
      )
    : createHttpServer(base, handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  url = `${opts.tls ? "https" : "http"}://${hostPart}:${addr.port}${MCP_PATH}`;
  return {
    url,
    server,
    get sessionCount() {
      return table.size;
    },
    get laneCount() {
      return table.laneCount;
    },
    async close() {
      await table.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: EndpointDeps,
  resource: string,
  approvalConsole: ConsoleHandler | undefined,
): Promise<void> {
  const { policy } = deps;
  const listen = policy.listen ?? listenDefaults();
  const refused = checkHostOrigin(req.headers, {
    allowedHosts: listen.allowed_hosts,
    allowedOrigins: listen.allowed_origins,
  });
  if (refused) {
    deps.logger.warn(
      { host: req.headers.host?.slice(0, 100), reason: refused },
      "request refused (DNS-rebinding defence)",
    );
    sendJsonError(res, 403, "ERR_PROTOCOL_INVALID", refused);
    return;
  }
  const path = pathOf(req.url ?? "/");
  if (req.method === "GET" && metadataPaths(resource).includes(path)) return serveMetadata(res, deps, resource);
  const isConsole = approvalConsole !== undefined && (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`));
  if (path !== MCP_PATH && !isConsole) return sendJsonError(res, 404, "ERR_PROTOCOL_INVALID", "Not found");
  let principal: Awaited<ReturnType<typeof principalOfRequest>>;
  try {
    principal = await principalOfRequest(req, deps.auth);
  } catch (err) {
    const r = refusalOf(err, deps.auth);
    req.resume();
    return sendJsonError(res, r.status, r.error.code, r.error.message, r.headers);
  }
  if (isConsole) return approvalConsole?.(req, res, principal);
  if (req.method === "POST") return handlePost(req, res, deps, principal);
  if (req.method === "GET") return handleGet(req, res, deps, principal);
  if (req.method === "DELETE") return handleDelete(req, res, deps, principal);
  sendJsonError(res, 405, "ERR_PROTOCOL_INVALID", "Method not allowed", { allow: "GET, POST, DELETE" });
}

/** RFC 9728 §3: the metadata, at the path-inserted and the root well-known paths. */
function serveMetadata(res: ServerResponse, deps: EndpointDeps, resource: string): void {
  const fallback = deps.bearer ? { resource, bearer_methods_supported: ["header"] } : undefined;
  const doc = metadataFromPolicy(deps.policy) ?? fallback;
  if (!doc) {
    sendJsonError(res, 404, "ERR_PROTOCOL_INVALID", "Not found");
    return;
  }
  const body = JSON.stringify(doc);
  res.writeHead(200, {
    "content-type": "application/json",
    "cache-control": "max-age=300",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

function listenDefaults(): NonNullable<Policy["listen"]> {
  return {
    host: "127.0.0.1",
    allowed_hosts: ["localhost", "127.0.0.1", "[::1]"],
    allowed_origins: [],
    max_body_bytes: 1_048_576,
    header_timeout: "10s",
    idle_timeout: "60s",
  };
}

/** The request's path. The endpoint itself, by far the most requested, skips the URL parser (µs per request). */
function pathOf(url: string): string {
  if (url === MCP_PATH || (url.startsWith(MCP_PATH) && url[MCP_PATH.length] === "?")) return MCP_PATH;
  return new URL(url, "http://x").pathname;
}
