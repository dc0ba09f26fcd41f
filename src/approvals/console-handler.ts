// The approval console endpoint `/warden/approvals` for the HTTP front (issue 6): GET lists pending calls and recent
// decisions; POST `/warden/approvals/decide` approves or denies one. The front authenticates first and passes the
// principal; this handler requires the approver scope, checks an anti-CSRF token bound to the approver (OWASP CSRF
// cheat sheet, HMAC-based token pattern) and sends strict headers: CSP without inline script, no framing (CWE-1021).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "../guards/types.ts";
import type { Policy } from "../policy/schema.ts";
import type { ApprovalStore } from "./approval-store.ts";
import { consolePage } from "./console-page.ts";
import { decideApproval } from "./decide-approval.ts";

export const CONSOLE_PATH = "/warden/approvals";
const DECIDE_PATH = `${CONSOLE_PATH}/decide`;
const MAX_FORM_BYTES = 4096;

export const CONSOLE_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on the form posts, and the front's
  // DNS-rebinding check (src/gateway/host-origin.ts) accepts only this front's own origin. Nothing leaves cross-origin.
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

export interface ConsoleHandlerOptions {
  approvals: ApprovalStore;
  policy: Pick<Policy, "approvals">;
  /** Secret for CSRF tokens (random per process is fine: a restart only invalidates open pages). */
  csrfKey: Buffer;
  now?: () => number;
}

export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse, principal: Principal) => void;

export function consoleHandler(opts: ConsoleHandlerOptions): ConsoleHandler {
  return (req, res, principal) => {
    void handle(opts, req, res, principal).catch(() =>
      send(res, 500, "The approval console failed; nothing was decided."),
    );
  };
}

async function handle(opts: ConsoleHandlerOptions, req: IncomingMessage, res: ServerResponse, principal: Principal) {
  const path = (req.url ?? "").split("?")[0];
  if (!principal.scopes.includes(opts.policy.approvals.approver_scope)) {
    return send(res, 403, `The approval console needs the ${opts.policy.approvals.approver_scope} scope.`);
  }
  if (req.method === "GET" && path === CONSOLE_PATH) return render(opts, res, principal, 200);
  if (req.method === "POST" && path === DECIDE_PATH) return decide(opts, req, res, principal);
  return send(res, 404, "Not found.");
}

async function decide(opts: ConsoleHandlerOptions, req: IncomingMessage, res: ServerResponse, principal: Principal) {
  const form = await readForm(req);
  if (!form || !validCsrf(opts.csrfKey, principal, form.get("csrf") ?? "")) {
    return send(res, 403, "The form expired or did not come from this console; reload and try again.");
  }
  const verb = form.get("decision");
  if (verb !== "approve" && verb !== "deny") return send(res, 400, "Unknown decision.");
  const outcome = await decideApproval(opts.approvals, {
    id: form.get("id") ?? "",
    approve: verb === "approve",
    by: principal.sub,
    selfApproval: opts.policy.approvals.self_approval,
    now: (opts.now ?? Date.now)(),
  });
  if (outcome.ok) {
    const text = `${outcome.decision.decision} ${outcome.decision.tool} for ${outcome.decision.principal.sub}`;
    return render(opts, res, principal, 200, { kind: "ok", text });
  }
  return render(opts, res, principal, outcome.reason === "self-approval" ? 403 : 409, {
    kind: "error",
    text: outcome.message,
  });
}

async function render(
  opts: ConsoleHandlerOptions,
  res: ServerResponse,
  principal: Principal,
  status: number,
  notice?: { kind: "ok" | "error"; text: string },
) {
  const [pending, recent] = await Promise.all([opts.approvals.listPending(), opts.approvals.listRecent()]);
  const html = consolePage({
    pending,
    recent: recent.slice(0, 20),
    csrf: csrfToken(opts.csrfKey, principal),
    viewer: principal.sub,
    notice,
    now: (opts.now ?? Date.now)(),
    action: DECIDE_PATH,
  });
  res.writeHead(status, { ...CONSOLE_HEADERS, "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

export function csrfToken(key: Buffer, principal: Principal): string {
  return createHmac("sha256", key).update(`csrf\0${principal.iss}\0${principal.sub}`).digest("base64url");
}

function validCsrf(key: Buffer, principal: Principal, token: string): boolean {
  const expected = Buffer.from(csrfToken(key, principal));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return undefined;
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...CONSOLE_HEADERS, "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
