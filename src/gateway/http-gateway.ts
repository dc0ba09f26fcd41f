// `mcp-warden gateway --listen HOST:PORT`: loads TLS material and the authenticator from the policy, starts the
// HTTP front and runs until SIGINT/SIGTERM.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createApprovalStore } from "../approvals/approval-store.ts";
import { consoleHandler } from "../approvals/console-handler.ts";
import { bearerAuthenticatorFromPolicy } from "../auth/bearer-authenticator.ts";
import { ConfigError, UsageError } from "../errors.ts";
import type { Approver } from "../guards/confirm.ts";
import { type LoadedPolicy, resolvePolicyPath } from "../policy/load.ts";
import { createStore } from "../store/create-store.ts";
import type { HttpUpstreamWiring } from "./http-deps.ts";
import { type HttpFront, startHttpFront } from "./http-front.ts";

/** "127.0.0.1:8080", "[::1]:8080" or ":8080" (host from the policy, default 127.0.0.1). */
export function parseListen(value: string, defaultHost: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value);
  const port = Number(m?.[3]);
  if (!m || !Number.isInteger(port) || port > 65535)
    throw new UsageError(`--listen must be HOST:PORT, got ${JSON.stringify(value)}`);
  return { host: m[1] ?? (m[2] || defaultHost), port };
}

function readPem(loaded: LoadedPolicy, path: string, key: string): Buffer {
  try {
    return readFileSync(resolvePolicyPath(loaded, path));
  } catch {
    throw new ConfigError("ERR_CONFIG_INVALID", `cannot read ${path}`, { file: loaded.file, key });
  }
}

export interface HttpGatewayOptions extends HttpUpstreamWiring {
  loaded: LoadedPolicy;
  listen: string;
  /** Out-of-band approvals for `console`/`mrtr` confirmation (see src/approvals/gateway-approver.ts). */
  approver?: Approver | undefined;
}

export async function openHttpGateway(opts: HttpGatewayOptions): Promise<HttpFront> {
  const { loaded } = opts;
  const { policy } = loaded;
  const { host, port } = parseListen(opts.listen, policy.listen?.host ?? "127.0.0.1");
  const tlsConf = policy.listen?.tls;
  const tls = tlsConf
    ? {
        cert: readPem(loaded, tlsConf.cert, "listen.tls.cert"),
        key: readPem(loaded, tlsConf.key, "listen.tls.key"),
        ca: tlsConf.client_ca ? readPem(loaded, tlsConf.client_ca, "listen.tls.client_ca") : undefined,
      }
    : undefined;
  const store = await createStore(policy.store, { baseDir: loaded.dir });
  const bearer = policy.auth ? bearerAuthenticatorFromPolicy(policy, store) : undefined;
  // The approval console shares the store with `mcp-warden approvals` and the gateway's approver.
  const approvalConsole = consoleHandler({ approvals: createApprovalStore(store), policy, csrfKey: randomBytes(32) });
  return startHttpFront({ ...opts, policy, host, port, bearer, tls, approvalConsole });
}

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function runHttpGateway(opts: HttpGatewayOptions): Promise<number> {
  const front = await openHttpGateway(opts);
  process.stderr.write(`mcp-warden: listening on ${front.url}\n`);
  opts.logger.info({ url: front.url }, "gateway started (http)");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await front.close();
  await opts.audit.close().catch(() => undefined);
  return 0;
}
