// The guard chain of a remote (HTTP) session: the stdio chain preceded by the authorize guard (per-tool scopes,
// environment). Until buildGuardChain places `authorize` itself (after tool-allowlist, DESIGN.md order), this wrapper
// runs it first; the guard leaves unknown/hidden tools to the allowlist, so the order does not leak tool names.
import { authorize } from "../guards/authorize.ts";
import { createGuardChain, type GuardChain } from "../policy/chain.ts";
import { buildGuardChain, type ChainDeps } from "./guard-chain.ts";

export function authorizedChain(deps: ChainDeps): GuardChain {
  const inner = buildGuardChain(deps);
  const first = createGuardChain([authorize()]);
  return {
    ids: ["authorize", ...inner.ids],
    run(ctx) {
      const outcome = first.run(ctx);
      if (outcome instanceof Promise) return outcome.then((o) => (o.ok ? inner.run(ctx) : o));
      return outcome.ok ? inner.run(ctx) : outcome;
    },
  };
}
