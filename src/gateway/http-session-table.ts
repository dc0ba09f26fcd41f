// The HTTP front's sessions: cryptographically random ids (MCP "Session Management": globally unique, secure), a
// bounded count, expiry of idle sessions, and the binding to the principal that created them (iss + sub). The
// stateless lanes of 2026-07-28 callers live here too: they count against the same limit (each owns an upstream)
// and expire the same way.
import { randomBytes } from "node:crypto";
import type { Principal } from "../guards/types.ts";
import type { HttpSession } from "./http-session.ts";
import type { StatelessLane } from "./stateless-lane.ts";

export interface SessionTableOptions {
  maxSessions: number;
  /** A session with nothing pending and no stream open for this long is closed. */
  idleMs: number;
}

export type Lookup = { ok: true; session: HttpSession } | { ok: false };

export function newSessionId(): string {
  // 256 bits, base64url: visible ASCII as the spec requires for Mcp-Session-Id.
  return randomBytes(32).toString("base64url");
}

export function samePrincipal(a: Principal, b: Principal): boolean {
  return a.iss === b.iss && a.sub === b.sub;
}

/**
 * The lane a stateless request goes to. Beyond iss + sub it holds everything the guards authorise with (scopes,
 * client, environment): a lane's session carries one principal, so a down-scoped token must not ride on the lane
 * of a broader one, and a step-up token gets its scopes at once.
 */
export function laneKey(p: Principal): string {
  return JSON.stringify([p.iss, p.sub, p.client_id ?? null, p.environment ?? null, [...p.scopes].sort()]);
}

export class HttpSessionTable {
  private readonly sessions = new Map<string, HttpSession>();
  private readonly lanes = new Map<string, StatelessLane>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly opts: SessionTableOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(opts.idleMs, 60_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  get laneCount(): number {
    return this.lanes.size;
  }

  get full(): boolean {
    return this.sessions.size + this.lanes.size >= this.opts.maxSessions;
  }

  add(session: HttpSession): void {
    this.sessions.set(session.id, session);
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /**
   * The session, only for the principal that created it. Unknown ids and foreign principals get the same answer
   * (404), so a replayed id confirms nothing (DESIGN.md pitfall: the SDK does not bind sessions to principals).
   */
  lookup(id: string, principal: Principal): Lookup {
    const session = this.sessions.get(id);
    if (!session || !samePrincipal(session.principal, principal)) return { ok: false };
    session.lastSeen = Date.now();
    return { ok: true, session };
  }

  /** The lane for this key (see laneKey), if one is open. */
  lane(key: string): StatelessLane | undefined {
    const lane = this.lanes.get(key);
    if (lane) lane.lastSeen = Date.now();
    return lane;
  }

  addLane(lane: StatelessLane): void {
    this.lanes.set(lane.key, lane);
  }

  deleteLane(lane: StatelessLane): void {
    if (this.lanes.get(lane.key) === lane) this.lanes.delete(lane.key);
  }

  private sweep(): void {
    const cutoff = Date.now() - this.opts.idleMs;
    for (const entry of [...this.sessions.values(), ...this.lanes.values()]) {
      if (entry.idle && entry.lastSeen < cutoff) void entry.close();
    }
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.values(), ...this.lanes.values()].map((s) => s.close()));
  }
}
