// The HTTP front's sessions: cryptographically random ids (MCP "Session Management": globally unique, secure), a
// bounded count, expiry of idle sessions, and the binding to the principal that created them (iss + sub).
import { randomBytes } from "node:crypto";
import type { Principal } from "../guards/types.ts";
import type { HttpSession } from "./http-session.ts";

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

export class HttpSessionTable {
  private readonly sessions = new Map<string, HttpSession>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly opts: SessionTableOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(opts.idleMs, 60_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  get full(): boolean {
    return this.sessions.size >= this.opts.maxSessions;
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

  private sweep(): void {
    const cutoff = Date.now() - this.opts.idleMs;
    for (const session of this.sessions.values()) {
      if (session.idle && session.lastSeen < cutoff) void session.close();
    }
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
  }
}
