// Approvals over a WardenStore, shared by the gateway (request, wait, consume) and the CLI/console (list, decide).
// A decision is written only by taking the pending record (compare-and-delete), so two approvers cannot both decide,
// and it is consumed with take(), so one approval lets exactly one call through (single-use).
import type { WardenStore } from "../store/types.ts";
import {
  type ApprovalDecision,
  type ApprovalRequest,
  DECISION_PREFIX,
  isApprovalId,
  PENDING_PREFIX,
  parseRecord,
  RECENT_PREFIX,
} from "./approval-record.ts";

/** How long recent decisions stay listed (approval console "recent decisions"). */
const RECENT_TTL_MS = 60 * 60 * 1000;

export interface ApprovalStore {
  request(req: ApprovalRequest): Promise<void>;
  listPending(now?: number): Promise<ApprovalRequest[]>;
  listRecent(): Promise<ApprovalDecision[]>;
  getPending(id: string): Promise<{ record: ApprovalRequest; raw: string } | undefined>;
  /** Writes the decision when the pending record is still exactly `raw`; false when someone else decided first. */
  writeDecision(raw: string, decision: ApprovalDecision): Promise<boolean>;
  /** Take-once read of a decision (single use). */
  takeDecision(id: string): Promise<ApprovalDecision | undefined>;
  /** The waiting call gave up (timeout): nobody can decide it any more. */
  withdraw(id: string): Promise<void>;
}

export function createApprovalStore(store: WardenStore): ApprovalStore {
  return {
    async request(req) {
      await store.set(PENDING_PREFIX + req.id, JSON.stringify(req), { ttlMs: ttlUntil(req.expires) });
    },
    async listPending(now = Date.now()) {
      const entries = await store.list(PENDING_PREFIX);
      return entries
        .map((e) => parseRecord<ApprovalRequest>(e.value))
        .filter((r): r is ApprovalRequest => r !== undefined && r.expires > now)
        .sort((a, b) => a.created - b.created);
    },
    async listRecent() {
      const entries = await store.list(RECENT_PREFIX);
      return entries
        .map((e) => parseRecord<ApprovalDecision>(e.value))
        .filter((r): r is ApprovalDecision => r !== undefined)
        .sort((a, b) => b.decided - a.decided);
    },
    async getPending(id) {
      if (!isApprovalId(id)) return undefined;
      const raw = await store.get(PENDING_PREFIX + id);
      const record = parseRecord<ApprovalRequest>(raw);
      return raw !== undefined && record !== undefined && record.id === id ? { record, raw } : undefined;
    },
    async writeDecision(raw, decision) {
      if (!(await store.compareAndDelete(PENDING_PREFIX + decision.id, raw))) return false;
      const text = JSON.stringify(decision);
      await store.set(DECISION_PREFIX + decision.id, text, { ttlMs: ttlUntil(decision.expires) });
      await store.set(RECENT_PREFIX + decision.id, text, { ttlMs: RECENT_TTL_MS });
      return true;
    },
    async takeDecision(id) {
      return parseRecord<ApprovalDecision>(await store.take(DECISION_PREFIX + id));
    },
    async withdraw(id) {
      await store.delete(PENDING_PREFIX + id);
      await store.delete(DECISION_PREFIX + id);
    },
  };
}

function ttlUntil(expires: number): number {
  return Math.max(1, Math.ceil(expires - Date.now()));
}
