// Lists what an upstream offers, for `mcp-warden pin`: initialize (server name and version), then every page of
// tools/list (following nextCursor, MCP "Pagination"), with the official SDK Client; bounded in time and pages.
import { z } from "zod";
import { OperatorError } from "../errors.ts";
import type { ToolDefinition } from "../guards/types.ts";
import { Client, StreamableHTTPClientTransport, type Transport } from "../mcp/sdk.ts";
import type { ToolListing } from "../policy/lockfile.ts";
import { isStdioUpstream, type UpstreamConfig } from "../policy/schema.ts";
import { VERSION } from "../version.ts";
import { childEnvironment } from "./child-env.ts";
import { createChildTransport } from "./child-transport.ts";

export interface ListUpstreamOptions {
  /** The upstream's name in the policy, for messages. */
  name: string;
  /** Working directory of a stdio child when the policy gives no `cwd` (the policy file's directory). */
  cwd: string;
  /** Bound on the whole listing, spawn to last page. */
  timeoutMs?: number;
  maxPages?: number;
  maxTools?: number;
}

// Loose on purpose: the SDK's own Tool schema drops unknown annotation keys, and the gateway hashes the raw JSON.
// A hash computed from a stripped copy would differ from the gateway's and every such tool would "drift".
const pageSchema = z.looseObject({
  tools: z.array(z.looseObject({ name: z.string() })),
  nextCursor: z.string().optional(),
});

export async function listUpstreamTools(upstream: UpstreamConfig, opts: ListUpstreamOptions): Promise<ToolListing> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const client = new Client({ name: "mcp-warden-pin", version: VERSION }, { capabilities: {} });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new OperatorError(
            "ERR_UPSTREAM_TIMEOUT",
            `upstream "${opts.name}" did not list its tools within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([listAll(client, transportFor(upstream, opts), opts, timeoutMs), timeout]);
  } catch (err) {
    throw asOperatorError(err, opts.name);
  } finally {
    clearTimeout(timer);
    await client.close().catch(() => {});
  }
}

async function listAll(
  client: Client,
  transport: Transport,
  opts: ListUpstreamOptions,
  timeoutMs: number,
): Promise<ToolListing> {
  await client.connect(transport, { timeout: timeoutMs });
  const info = client.getServerVersion();
  const tools: ToolDefinition[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < (opts.maxPages ?? 1000); page++) {
    const params = cursor === undefined ? {} : { cursor };
    const result = await client.request({ method: "tools/list", params }, pageSchema, { timeout: timeoutMs });
    tools.push(...(result.tools as ToolDefinition[]));
    if (tools.length > (opts.maxTools ?? 10_000))
      throw new OperatorError("ERR_UPSTREAM_UNAVAILABLE", `upstream "${opts.name}" lists too many tools`);
    cursor = result.nextCursor;
    if (cursor === undefined) return { server: { name: info?.name ?? "", version: info?.version ?? "" }, tools };
    // A server that hands back a cursor it already gave would page forever.
    if (cursors.has(cursor))
      throw new OperatorError("ERR_UPSTREAM_UNAVAILABLE", `upstream "${opts.name}" repeats a tools/list cursor`);
    cursors.add(cursor);
  }
  throw new OperatorError("ERR_UPSTREAM_UNAVAILABLE", `upstream "${opts.name}" has more tools/list pages than allowed`);
}

function transportFor(upstream: UpstreamConfig, opts: ListUpstreamOptions): Transport {
  if (isStdioUpstream(upstream)) {
    return createChildTransport({
      command: upstream.command,
      args: upstream.args,
      env: childEnvironment(upstream.env),
      cwd: upstream.cwd ?? opts.cwd,
    });
  }
  return new StreamableHTTPClientTransport(new URL(upstream.url), { requestInit: { headers: upstream.headers } });
}

function asOperatorError(err: unknown, name: string): OperatorError {
  if (err instanceof OperatorError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT")
    return new OperatorError("ERR_UPSTREAM_UNAVAILABLE", `upstream "${name}" could not be started: command not found`);
  // The SDK's messages name the method and the failure, not secrets; child stderr is never included.
  const message = err instanceof Error ? err.message : String(err);
  return new OperatorError("ERR_UPSTREAM_UNAVAILABLE", `upstream "${name}" could not be listed: ${message}`);
}
