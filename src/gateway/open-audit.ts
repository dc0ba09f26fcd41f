// Opens the audit recorder the policy asks for (the JSONL file sink), or none when audit is disabled.
import { OperatorError } from "../errors.ts";
import type { LoadedPolicy } from "../policy/load.ts";
import { type AuditRecorder, NO_AUDIT } from "./audit-recorder.ts";

export async function openAuditRecorder(loaded: LoadedPolicy): Promise<AuditRecorder> {
  if (!loaded.policy.audit.enabled) return NO_AUDIT;
  throw new OperatorError("ERR_AUDIT_UNAVAILABLE", "audit file sink not wired yet");
}
