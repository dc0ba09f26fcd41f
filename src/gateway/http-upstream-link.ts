// The upstream connection of one HTTP front client context (a 2025 session or a 2026-07-28 stateless lane): a stdio
// child or a remote Streamable HTTP server, feeding one GatewaySession. One link per context, never shared
// (CVE-2026-25536).
import { isStdioUpstream, type Policy, type UpstreamConfig } from "../policy/schema.ts";
import { startHttpUpstream } from "./http-upstream.ts";
import type { Logger } from "./logger.ts";
import type { GatewaySession } from "./session.ts";
import { startStdioUpstream, type UpstreamLink } from "./upstream-stdio.ts";

const UPSTREAM_HARD_LIMIT = 64 * 1024 * 1024;

export interface UpstreamLinkDeps {
  policy: Policy;
  upstreamName: string;
  upstream: UpstreamConfig;
  baseDir: string;
  logger: Logger;
}

/** Starts the link; `gateway` is read lazily, so the link may be created in the session's constructor. */
export function startUpstreamLink(
  deps: UpstreamLinkDeps,
  gateway: () => GatewaySession,
  onFatal: (message: string) => void,
): UpstreamLink {
  const { logger } = deps;
  const maxBytes = Math.max(UPSTREAM_HARD_LIMIT, deps.policy.defaults.max_response_bytes);
  const onLine = (text: string, bytes: number) => void gateway().fromUpstream(text, bytes);
  if (!isStdioUpstream(deps.upstream)) {
    return startHttpUpstream(
      deps.upstreamName,
      deps.upstream,
      { logger, maxMessageBytes: maxBytes },
      { onLine, onFatal },
    );
  }
  return startStdioUpstream(
    deps.upstreamName,
    deps.upstream,
    { maxLineBytes: maxBytes, cwd: deps.baseDir, logger },
    {
      onLine,
      onOversize: (info) => gateway().fromUpstreamOversize(info),
      onExit: () => gateway().upstreamExited(),
      onRestart: () => void gateway().upstreamRestarted(),
      onFatal,
    },
  );
}
