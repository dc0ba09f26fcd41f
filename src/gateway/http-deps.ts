// What the HTTP front's request handlers are wired to (from the gateway command down to the endpoint), and the pieces
// both protocol generations build from it: the guard chain of a client context and the answer → HTTP status map.
import type { IncomingMessage } from "node:http";
import type { BearerAuthenticator } from "../auth/bearer-authenticator.ts";
import { JSONRPC } from "../errors.ts";
import type { Approver } from "../guards/confirm.ts";
import type { RateCounter } from "../guards/rate-counter.ts";
import type { SchemaValidators } from "../guards/schema-validators.ts";
import type { GuardChain } from "../policy/chain.ts";
import type { LockSource } from "../policy/lock-source.ts";
import type { Policy, UpstreamConfig } from "../policy/schema.ts";
import type { AuditRecorder } from "./audit-recorder.ts";
import { authorizedChain } from "./authorized-chain.ts";
import { answerStatusOf, type HttpAuthOptions } from "./http-auth.ts";
import type { HttpLimits } from "./http-limits.ts";
import type { HttpSessionTable } from "./http-session-table.ts";
import type { Logger } from "./logger.ts";

/** What every HTTP session (and stateless lane) is wired to. */
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

/** A fresh guard chain for one client context (its rate counter and validators are shared gateway-wide). */
export function chainFor(deps: EndpointDeps): GuardChain {
  return authorizedChain({
    policy: deps.policy,
    audit: deps.audit,
    logger: deps.logger,
    lock: deps.lock,
    ...deps.shared,
  });
}

/**
 * HTTP status of a 2026-07-28 answer: the auth statuses of every answer, plus 404 for "method not found" (MCP
 * 2026-07-28 "Streamable HTTP" › Protocol Version Header: an unimplemented method MUST get 404 with -32601).
 */
export function statelessStatus(
  message: Record<string, unknown>,
  auth: HttpAuthOptions,
): { status: number; headers: Record<string, string> } {
  const mapped = answerStatusOf(message, auth);
  const error = message.error as { code?: unknown } | undefined;
  if (mapped.status === 200 && error?.code === JSONRPC.METHOD_NOT_FOUND) return { status: 404, headers: {} };
  return mapped;
}

export function acceptsSse(req: IncomingMessage): boolean {
  return (req.headers.accept ?? "").includes("text/event-stream");
}
