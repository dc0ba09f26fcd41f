// Per-session state and verdicts of guard `pin`: the live hash of every tool the upstream listed (before any
// filtering), the server's identity, and what the policy says to do about a drifted or unpinned tool.
import { type Lockfile, lockedTool, lockedUpstream, type ServerIdentity } from "../policy/lockfile.ts";
import type { Policy } from "../policy/schema.ts";
import type { SessionState } from "./types.ts";

export interface PinState {
  /** Tool name → hash of its live definition, from every tools/list page seen in this session. */
  readonly seen: Map<string, string>;
  server: ServerIdentity | undefined;
  /** Findings already handed to the guard's onFinding hook (bounded by the tools the upstream lists). */
  readonly reported: Set<string>;
}

export type PinAction = "quarantine" | "warn";

/** One tool that is not as pinned; `old` is absent for an unpinned tool, `new` absent when never listed. */
export interface PinFinding {
  tool: string;
  kind: "drift" | "unpinned";
  old?: string;
  new?: string;
  action: PinAction;
}

const SCRATCH_KEY = "pin";

export function pinStateOf(session: SessionState): PinState {
  let state = session.scratch.get(SCRATCH_KEY) as PinState | undefined;
  if (!state) {
    state = { seen: new Map(), server: undefined, reported: new Set() };
    session.scratch.set(SCRATCH_KEY, state);
  }
  return state;
}

/** Environments where an unpinned tool is only a warning by default (issue 8: "allowed with a warning in dev"). */
const DEV_ENVIRONMENTS = new Set(["dev", "development"]);

/** `pins.unpinned`, else by environment: allowed with a warning in dev, quarantined everywhere else. */
export function unpinnedAction(policy: Policy): PinAction {
  return policy.pins.unpinned ?? (DEV_ENVIRONMENTS.has(policy.environment) ? "warn" : "quarantine");
}

/** Undefined when the tool matches its pin. Names match exactly: a confusable name is simply not in the lock. */
export function verdictFor(
  policy: Policy,
  lock: Lockfile,
  upstream: string,
  tool: string,
  live: string | undefined,
): PinFinding | undefined {
  const pinned = lockedTool(lock, upstream, tool);
  if (!pinned) return { tool, kind: "unpinned", ...(live ? { new: live } : {}), action: unpinnedAction(policy) };
  if (live === undefined || pinned.sha256 === live) return undefined;
  const action: PinAction = policy.pins.on_drift === "warn" ? "warn" : "quarantine";
  return { tool, kind: "drift", old: pinned.sha256, new: live, action };
}

/** The server's identity when it differs from the lock's (undefined when it matches or is not known yet). */
export function serverDrift(
  state: PinState,
  lock: Lockfile,
  upstream: string,
): { locked: ServerIdentity; live: ServerIdentity } | undefined {
  const locked = lockedUpstream(lock, upstream)?.server;
  const live = state.server;
  if (!locked || !live) return undefined;
  return locked.name === live.name && locked.version === live.version ? undefined : { locked, live };
}

/** `on_drift: block-server`: any drifted tool or a changed server identity refuses the whole upstream. */
export function upstreamBlocked(policy: Policy, state: PinState, lock: Lockfile, upstream: string): boolean {
  if (policy.pins.on_drift !== "block-server") return false;
  if (serverDrift(state, lock, upstream)) return true;
  for (const [tool, live] of state.seen) {
    const pinned = lockedTool(lock, upstream, tool);
    if (pinned && pinned.sha256 !== live) return true;
  }
  return false;
}
