// One readable line per audit event for `mcp-warden audit tail`: time, decision, principal, method/tool, outcome, ms.
import pc from "picocolors";
import type { AuditEvent } from "./event.ts";
import { parseLine } from "./line.ts";

function text(value: unknown, fallback = "-"): string {
  // Control characters are replaced so a crafted field cannot rewrite the operator's terminal (CWE-150).
  return typeof value === "string" && value !== "" ? value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?") : fallback;
}

function decision(value: unknown): string {
  const d = text(value).padEnd(5);
  if (value === "allow") return pc.green(d);
  if (value === "deny") return pc.red(d);
  return pc.yellow(d);
}

/** Formats one raw log line; a line that is not an event is shown as such, not thrown on. */
export function formatAuditLine(line: string): string {
  const e = parseLine(line) as Partial<AuditEvent> | undefined;
  if (!e) return pc.yellow("(unparsable line)");
  const who = text(e.principal?.sub ?? e.principal?.client_id ?? undefined);
  const tool = e.tool ? ` ${e.upstream ? `${text(e.upstream)}/` : ""}${text(e.tool)}` : "";
  const code = e.code ? ` ${text(e.code)}` : "";
  const ms = typeof e.ms === "number" ? `${Math.round(e.ms * 10) / 10}ms` : "-";
  return [text(e.ts), decision(e.decision), who, `${text(e.method)}${tool}`, `${text(e.outcome)}${code}`, ms].join(
    "  ",
  );
}
