// The gateway's approver: the store-backed Approver on the policy's store (shared with `mcp-warden approvals` on this
// machine, or Redis for replicas), opened lazily so a gateway without console-mode tools creates no state.

import { randomBytes } from "node:crypto";
import type { Logger } from "../gateway/logger.ts";
import type { Approver } from "../guards/confirm.ts";
import type { LoadedPolicy } from "../policy/load.ts";
import { createStore } from "../store/create-store.ts";
import type { WardenStore } from "../store/types.ts";
import { mrtrApprove } from "./mrtr-approver.ts";
import { storeApprover } from "./store-approver.ts";

export function gatewayApprover(loaded: LoadedPolicy, logger: Logger): { approver: Approver; close(): Promise<void> } {
  let opened: Promise<WardenStore> | undefined;
  const shutdown = new AbortController();
  const store = () => {
    opened ??= createStore(loaded.policy.store, { baseDir: loaded.dir });
    return opened;
  };
  const consoleApprover = storeApprover({
    store,
    signal: shutdown.signal,
    hmacKey: loaded.policy.audit.hmac_key,
    // The id is what the human needs to run `mcp-warden approvals approve ID`; never the arguments.
    onPending: (req) =>
      logger.warn(
        { approval: req.id, tool: req.tool, upstream: req.upstream },
        "call waiting for approval (mcp-warden approvals list)",
      ),
  });
  // The requestState MAC key: the audit key when there is one, else a per-process random key (states then do not
  // survive a restart, which only makes them expire sooner).
  const mrtrKey = loaded.policy.audit.hmac_key ?? randomBytes(32);
  const approver: Approver = async (ctx, mode, timeoutMs) =>
    mode === "console"
      ? consoleApprover(ctx, mode, timeoutMs)
      : mrtrApprove(ctx, { key: mrtrKey, store: await store() }, timeoutMs);
  return {
    approver,
    async close() {
      shutdown.abort();
      if (opened) await (await opened).close().catch(() => undefined);
    },
  };
}
