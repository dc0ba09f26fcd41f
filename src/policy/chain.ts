// The one chain runner: runs the guards that apply to a phase in their fixed order, catches in one place, fails closed.
// A PolicyError from a guard is a refusal; any other exception becomes ERR_INTERNAL (never forwarded as allowed).
import { JSONRPC, PolicyError } from "../errors.ts";
import type { Guard, MessageContext, Phase } from "../guards/types.ts";

export type ChainOutcome =
  | { ok: true }
  | { ok: false; error: PolicyError; guard: string; cause?: unknown; answer?: Record<string, unknown> };

/**
 * Thrown by a guard that answers the request itself with a result instead of forwarding it (MRTR's
 * `input_required`, 2026-07-28). Not a refusal: the client gets `result`, the upstream gets nothing.
 */
export class AnswerInstead extends Error {
  constructor(readonly result: Record<string, unknown>) {
    super("answered by the gateway");
    this.name = "AnswerInstead";
  }
}

export interface GuardChain {
  run(ctx: MessageContext): Promise<ChainOutcome> | ChainOutcome;
  readonly ids: readonly string[];
}

export function createGuardChain(guards: readonly Guard[]): GuardChain {
  const byPhase = new Map<Phase, Guard[]>();
  for (const guard of guards) {
    for (const phase of guard.phases) {
      const list = byPhase.get(phase) ?? [];
      list.push(guard);
      byPhase.set(phase, list);
    }
  }
  return {
    ids: guards.map((g) => g.id),
    run(ctx) {
      const list = byPhase.get(ctx.phase);
      return list ? runList(list, ctx, 0) : { ok: true };
    },
  };
}

// Runs synchronously until a guard returns a promise, so the common all-sync path allocates no promises.
function runList(list: Guard[], ctx: MessageContext, from: number): Promise<ChainOutcome> | ChainOutcome {
  for (let i = from; i < list.length; i++) {
    const guard = list[i]!;
    let result: void | Promise<void>;
    try {
      result = guard.run(ctx);
    } catch (err) {
      return refusal(guard, err);
    }
    if (result instanceof Promise) {
      return result.then(
        () => runList(list, ctx, i + 1),
        (err: unknown) => refusal(guard, err),
      );
    }
  }
  return { ok: true };
}

function refusal(guard: Guard, err: unknown): ChainOutcome {
  if (err instanceof PolicyError) return { ok: false, error: err, guard: guard.id };
  if (err instanceof AnswerInstead) {
    const error = new PolicyError("ERR_POLICY_CONFIRMATION_REQUIRED", { jsonRpcCode: JSONRPC.INVALID_REQUEST });
    return { ok: false, error, guard: guard.id, answer: err.result };
  }
  return {
    ok: false,
    guard: guard.id,
    cause: err,
    error: new PolicyError("ERR_INTERNAL", { jsonRpcCode: JSONRPC.INTERNAL_ERROR }),
  };
}
