// Opens the audit recorder the policy asks for (the JSONL file sink), or none when audit is disabled.
// Start-up fails early (a ConfigError, exit 2) when the log cannot be opened, instead of refusing every call later.
import { type AuditLog, createAuditLog } from "../audit/audit-log.ts";
import type { AuditPrincipal } from "../audit/event.ts";
import { ConfigError } from "../errors.ts";
import type { Principal } from "../guards/types.ts";
import { type LoadedPolicy, resolvePolicyPath } from "../policy/load.ts";
import { type AuditRecorder, NO_AUDIT } from "./audit-recorder.ts";

export async function openAuditRecorder(loaded: LoadedPolicy, upstream: string): Promise<AuditRecorder> {
  const { audit, environment } = loaded.policy;
  if (!audit.enabled) return NO_AUDIT;
  // The loader already refuses an enabled audit without a key; this guards callers that build policies in code.
  if (!audit.hmac_key) {
    throw new ConfigError("ERR_CONFIG_INVALID", "audit.hmac_key is required unless audit.enabled is false", {
      file: loaded.file,
      key: "audit.hmac_key",
    });
  }
  const file = resolvePolicyPath(loaded, audit.file);
  const log = createAuditLog({
    file,
    hmacKey: audit.hmac_key,
    failClosed: audit.fail_closed,
    environment,
    sync: audit.durability === "fdatasync",
  });
  try {
    await log.ready();
  } catch (err) {
    throw new ConfigError("ERR_CONFIG_INVALID", (err as Error).message, { file: loaded.file, key: "audit.file" });
  }
  return recorderFor(log, upstream);
}

/** The gateway's recorder over an audit log: the principal flattened to the event's fields, the upstream named. */
export function recorderFor(log: AuditLog, upstream: string): AuditRecorder {
  // One frozen audit principal per session principal, re-checked field by field: the log serialises a frozen object
  // once (audit/event-text.ts) instead of on each of a call's two events.
  const flattened = new WeakMap<Principal, AuditPrincipal>();
  const auditPrincipal = (p: Principal): AuditPrincipal => {
    const client_id = p.client_id ?? null;
    const known = flattened.get(p);
    if (known && known.sub === p.sub && known.iss === p.iss && known.client_id === client_id) return known;
    const fresh = Object.freeze({ sub: p.sub, iss: p.iss, client_id });
    flattened.set(p, fresh);
    return fresh;
  };
  return {
    record: (entry) =>
      log.append({
        upstream,
        session: entry.session,
        principal: auditPrincipal(entry.principal),
        method: entry.method,
        tool: entry.tool,
        ...(entry.args !== undefined ? { args: entry.args } : {}),
        decision: entry.decision,
        code: entry.code,
        outcome: entry.outcome,
        ms: entry.ms,
        redactions: entry.redactions,
        bytes_out: entry.bytes_out,
        ...(entry.detail ? { detail: entry.detail } : {}),
      }),
    close: () => log.close(),
  };
}
