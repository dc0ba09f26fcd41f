// The approval console's HTML (issue 6): pending calls with approve/deny forms and recent decisions. Server-rendered,
// no script at all and no inline style, so the CSP can be `default-src 'self'`; every value is HTML-escaped
// (CWE-79) — tool names and masked arguments come from the caller and the upstream, both untrusted.
import type { ApprovalDecision, ApprovalRequest } from "./approval-record.ts";

export interface ConsoleView {
  pending: ApprovalRequest[];
  recent: ApprovalDecision[];
  /** Anti-CSRF token bound to the viewing approver (console-handler.ts). */
  csrf: string;
  viewer: string;
  notice?: { kind: "ok" | "error"; text: string } | undefined;
  now: number;
  /** Form target, e.g. /warden/approvals/decide. */
  action: string;
}

export function consolePage(view: ConsoleView): string {
  const notice = view.notice
    ? `<p class="notice ${view.notice.kind}" role="status" id="notice">${esc(view.notice.text)}</p>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mcp-warden approvals</title>
<meta name="referrer" content="same-origin"></head>
<body>
<h1>mcp-warden approvals</h1>
<p>Signed in as <strong>${esc(view.viewer)}</strong>. Approve only calls you expect: each approval is for this exact call, once.</p>
${notice}
<h2>Pending</h2>
${view.pending.length === 0 ? '<p id="no-pending">No calls are waiting.</p>' : pendingTable(view)}
<h2>Recent decisions</h2>
${view.recent.length === 0 ? "<p>None yet.</p>" : recentTable(view.recent)}
</body></html>
`;
}

function pendingTable(view: ConsoleView): string {
  const rows = view.pending.map((p) => {
    const form = (decision: "approve" | "deny") =>
      `<form method="post" action="${esc(view.action)}">` +
      `<input type="hidden" name="id" value="${esc(p.id)}">` +
      `<input type="hidden" name="decision" value="${decision}">` +
      `<input type="hidden" name="csrf" value="${esc(view.csrf)}">` +
      `<button type="submit" id="${decision}-${esc(p.id)}">${decision === "approve" ? "Approve" : "Deny"}</button></form>`;
    return `<tr data-id="${esc(p.id)}"><td><code>${esc(p.id)}</code></td><td>${esc(p.tool)}</td><td>${esc(p.upstream)}</td>
<td>${esc(p.principal.sub)} <small>(${esc(p.principal.iss)})</small></td><td><pre>${esc(p.masked_args)}</pre></td>
<td>${age(view.now - p.created)}</td><td>${form("approve")} ${form("deny")}</td></tr>`;
  });
  return `<table id="pending"><thead><tr><th>id</th><th>tool</th><th>server</th><th>caller</th><th>arguments (masked)</th><th>age</th><th></th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function recentTable(recent: ApprovalDecision[]): string {
  const rows = recent.map(
    (d) =>
      `<tr><td><code>${esc(d.id)}</code></td><td>${esc(d.tool)}</td><td>${esc(d.upstream)}</td><td>${esc(d.principal.sub)}</td>` +
      `<td>${esc(d.decision)}</td><td>${esc(d.by)}</td><td>${new Date(d.decided).toISOString()}</td></tr>`,
  );
  return `<table id="recent"><thead><tr><th>id</th><th>tool</th><th>server</th><th>caller</th><th>decision</th><th>by</th><th>when</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s}s` : `${Math.round(s / 60)}m`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
