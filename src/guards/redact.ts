// Guard `redact`: masks secrets and PII in everything a server sends back — tools/call results (text, structured
// content, embedded resources), resources/read contents, prompts/get messages, error messages and data, and the
// server→client elicitation/create and sampling/createMessage requests, log and progress notification text. Per category the policy masks, blocks the
// whole message (ERR_POLICY_RESPONSE_BLOCKED) or does nothing. Strings are scanned once, in place; a message with
// nothing to mask is not marked changed, so its original bytes are forwarded. CWE-200, CWE-532; OWASP LLM02.
import { createDetectorEngine } from "../detect/engine.ts";
import type { DetectorCategory, DetectorEngine, Span } from "../detect/types.ts";
import { JSONRPC, PolicyError } from "../errors.ts";
import type { JsonRpcNotification, JsonRpcRequest, JsonRpcResponse } from "../mcp/jsonrpc.ts";
import { addAuditDetail } from "./audit-detail.ts";
import { placeholderFor } from "./placeholders.ts";
import { type CategoryModes, redactModesFor } from "./redact-modes.ts";
import type { Guard, MessageContext } from "./types.ts";

/** Methods whose whole result is data from the server (MCP "Tools", "Resources", "Prompts"). */
const DATA_RESULTS = new Set(["tools/call", "resources/read", "prompts/get", "completion/complete"]);
/** Server→client requests whose text reaches the user or the client's model. */
const SERVER_REQUESTS = new Set(["elicitation/create", "sampling/createMessage"]);
/** Server notifications with free text for the client: log data (MCP "Logging") and progress messages. */
const NOTIFICATION_TEXT: Record<string, string> = {
  "notifications/message": "data",
  "notifications/progress": "message",
};
/** Shortest string any detector can match; shorter strings are not scanned. */
const MIN_SCANNED = 6;

export interface RedactOptions {
  /** Builds the engine for a set of categories (default: the real detector engine). Cached per category set. */
  engineFor?: (categories: readonly DetectorCategory[]) => DetectorEngine;
}

interface Pass {
  readonly ctx: MessageContext;
  readonly modes: CategoryModes;
  readonly engine: DetectorEngine;
  readonly maxDepth: number;
  changed: boolean;
}

export function redact(opts: RedactOptions = {}): Guard {
  const build = opts.engineFor ?? ((categories) => createDetectorEngine({ categories }));
  const engines = new Map<string, DetectorEngine>();
  const engineFor = (categories: DetectorCategory[]): DetectorEngine => {
    const key = categories.join(",");
    const cached = engines.get(key);
    if (cached) return cached;
    const engine = build(categories);
    engines.set(key, engine);
    return engine;
  };
  return {
    id: "redact",
    phases: ["response", "server-request", "server-notification"],
    run(ctx) {
      const targets = targetsOf(ctx);
      if (targets.length === 0) return;
      const modes = redactModesFor(ctx.policy, ctx.session.upstream, ctx.request?.tool);
      const categories = (["secret", "pii"] as const).filter((c) => modes[c] !== "off");
      if (categories.length === 0) return;
      const pass: Pass = {
        ctx,
        modes,
        engine: engineFor(categories),
        maxDepth: ctx.policy.defaults.max_depth,
        changed: false,
      };
      for (const [holder, key] of targets) visit(pass, holder, key, 0);
      if (pass.changed) ctx.markChanged();
    },
  };
}

type Target = [holder: Record<string, unknown> | unknown[], key: string | number];

/** The parts of the message that carry server data, as (holder, key) pairs so strings can be replaced in place. */
function targetsOf(ctx: MessageContext): Target[] {
  if (ctx.phase === "server-request") {
    const req = ctx.message as JsonRpcRequest;
    return SERVER_REQUESTS.has(req.method) && req.params ? [[req as Record<string, unknown>, "params"]] : [];
  }
  if (ctx.phase === "server-notification") {
    const note = ctx.message as JsonRpcNotification;
    const key = Object.hasOwn(NOTIFICATION_TEXT, note.method) ? NOTIFICATION_TEXT[note.method] : undefined;
    return key && note.params ? [[note.params, key]] : [];
  }
  const res = ctx.message as JsonRpcResponse;
  const targets: Target[] = [];
  if (res.error)
    targets.push(
      [res.error as unknown as Record<string, unknown>, "message"],
      [res.error as unknown as Record<string, unknown>, "data"],
    );
  if (res.result && DATA_RESULTS.has(ctx.request?.method ?? ""))
    targets.push([res as Record<string, unknown>, "result"]);
  return targets;
}

function visit(pass: Pass, holder: Record<string, unknown> | unknown[], key: string | number, depth: number): void {
  const value = (holder as Record<string | number, unknown>)[key];
  if (typeof value === "string") {
    if (value.length < MIN_SCANNED) return;
    const masked = maskString(pass, value);
    if (masked !== value) {
      (holder as Record<string | number, unknown>)[key] = masked;
      pass.changed = true;
    }
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (depth >= pass.maxDepth) throw new PolicyError("ERR_POLICY_TOO_DEEP", { jsonRpcCode: JSONRPC.SERVER_ERROR });
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visit(pass, value, i, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (isBinary(obj, k)) continue;
    visit(pass, obj, k, depth + 1);
  }
}

/** Base64 payloads of binary content (MCP BlobResourceContents.blob, ImageContent/AudioContent.data): not text. */
function isBinary(obj: Record<string, unknown>, key: string): boolean {
  if (key === "blob") return true;
  return key === "data" && (obj.type === "image" || obj.type === "audio");
}

/** Replaces every span whose category is masked; throws on a span whose category blocks. */
function maskString(pass: Pass, text: string): string {
  const spans = pass.engine.scan(text).filter((s) => pass.modes[s.category] !== "off");
  if (spans.length === 0) return text;
  count(pass.ctx, spans);
  if (spans.some((s) => pass.modes[s.category] === "block")) {
    addAuditDetail(pass.ctx, "redaction", "blocked");
    throw new PolicyError("ERR_POLICY_RESPONSE_BLOCKED", { jsonRpcCode: JSONRPC.SERVER_ERROR });
  }
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + placeholderFor(pass.ctx.session, s.detector, text.slice(s.start, s.end));
    at = s.end;
  }
  return out + text.slice(at);
}

/** Audit counts: per policy category in `redactions`, per detector id in `detail.redactions_by_detector`. */
function count(ctx: MessageContext, spans: readonly Span[]): void {
  const byDetector: Record<string, number> = Object.assign({}, ctx.audit.detail?.redactions_by_detector);
  for (const s of spans) {
    const category = s.category === "secret" ? "secrets" : "pii";
    ctx.audit.redactions[category] = (ctx.audit.redactions[category] ?? 0) + 1;
    byDetector[s.detector] = (byDetector[s.detector] ?? 0) + 1;
  }
  addAuditDetail(ctx, "redactions_by_detector", byDetector);
}
