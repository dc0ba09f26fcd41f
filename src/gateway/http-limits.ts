// Resource limits of the HTTP front: bounded request bodies (413) and timeouts that cut off slow clients
// (slow-loris, CWE-400): headers must arrive within header_timeout, a whole request within twice that,
// and an idle keep-alive connection is closed after idle_timeout.
import type { IncomingMessage } from "node:http";
import { durationMs } from "../policy/duration.ts";

export interface HttpLimits {
  maxBodyBytes: number;
  headerTimeoutMs: number;
  idleTimeoutMs: number;
}

export function httpLimitsFrom(listen: {
  max_body_bytes: number;
  header_timeout: string;
  idle_timeout: string;
}): HttpLimits {
  return {
    maxBodyBytes: listen.max_body_bytes,
    headerTimeoutMs: durationMs(listen.header_timeout),
    idleTimeoutMs: durationMs(listen.idle_timeout),
  };
}

/** Options for http(s).createServer: Node enforces these timeouts itself, checked every second. */
export function serverLimitOptions(limits: HttpLimits) {
  return {
    headersTimeout: limits.headerTimeoutMs,
    // requestTimeout bounds receiving the whole request (headers + body), not the response stream (SSE stays open).
    requestTimeout: limits.headerTimeoutMs * 2,
    keepAliveTimeout: limits.idleTimeoutMs,
    connectionsCheckingInterval: 1000,
    maxHeaderSize: 16 * 1024,
  };
}

export class BodyTooLarge extends Error {}

/** Reads the body, refusing (without buffering the rest) once it exceeds `max` bytes. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > max) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off("data", onData);
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}
