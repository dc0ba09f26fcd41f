// Requests the gateway itself sends (a tools/list to learn the catalog, an elicitation/create to confirm a call), with
// ids in their own namespace so they can never be confused with the peer's ids.
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { PendingTable } from "./pending.ts";

interface Waiter {
  resolve(result: Record<string, unknown>): void;
  reject(err: Error): void;
}

export class OwnRequests {
  private readonly pending = new PendingTable<Waiter>();
  private next = 1;

  constructor(
    private readonly prefix: string,
    private readonly send: (text: string) => void,
  ) {}

  owns(id: string | number): boolean {
    return this.pending.has(id);
  }

  request(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<Record<string, unknown>> {
    const id = `${this.prefix}-${this.next++}`;
    return new Promise((resolve, reject) => {
      this.pending.add(id, { resolve, reject }, timeoutMs, (w) =>
        w.reject(new PolicyError("ERR_UPSTREAM_TIMEOUT", { jsonRpcCode: JSONRPC.REQUEST_TIMEOUT })),
      );
      try {
        this.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
      } catch (err) {
        this.pending.take(id);
        reject(err as Error);
      }
    });
  }

  /** Resolves the waiter of a response to one of our requests; false when the response is not ours. */
  settle(res: JsonRpcResponse): boolean {
    if (res.id === null) return false;
    const waiter = this.pending.take(res.id);
    if (!waiter) return false;
    if (res.error) {
      waiter.reject(new PeerError(res.error.code, res.error.message));
    } else {
      waiter.resolve(res.result ?? {});
    }
    return true;
  }

  failAll(err: Error): void {
    for (const waiter of this.pending.drain()) waiter.reject(err);
  }
}

/** The peer answered one of our own requests with a JSON-RPC error (operator-facing; never sent to the client). */
export class PeerError extends Error {
  constructor(
    readonly rpcCode: number,
    message: string,
  ) {
    super(message);
    this.name = "PeerError";
  }
}
