// Human confirmation of a write call, bound to the exact arguments: MCP elicitation (form mode) the model cannot
// answer itself; the `confirm: true` parameter is an opt-in, weaker fallback (the model can set it) and is audited so.
import { PolicyError } from "../errors.ts";
import { ElicitResultSchema, type Server } from "../mcp/sdk.ts";
import type { ToolConfirmMode } from "./define-tool.ts";

export interface ConfirmRequest {
  server: Server;
  tool: string;
  mode: ToolConfirmMode;
  /** Validated arguments without `confirm`: exactly what the handler will receive. */
  args: Record<string, unknown>;
  /** The `confirm` argument the client sent, if the tool accepts one. */
  confirmParam: unknown;
  /** Whether `confirm: true` may stand in when the client cannot elicit. */
  paramFallback: boolean;
  timeoutMs: number;
  relatedRequestId: string | number;
  signal: AbortSignal;
}

export interface Confirmation {
  method: "none" | "elicit" | "param";
  /** True when the confirmation came from a parameter the model could have set. */
  weaker: boolean;
}

/** Resolves when the call may proceed; throws a PolicyError otherwise (fail closed). */
export async function confirmCall(req: ConfirmRequest): Promise<Confirmation> {
  if (req.mode === "never") return { method: "none", weaker: false };
  if (req.mode === "elicit" && clientCanElicitForm(req.server)) return elicit(req);
  if (req.mode === "param" || req.paramFallback) return viaParam(req.confirmParam);
  throw new PolicyError("ERR_POLICY_CONFIRMATION_REQUIRED", {
    message: "The call needs human confirmation and this client cannot ask for it.",
  });
}

/** Form-mode elicitation support; an empty `elicitation` object means form (MCP 2025-11-25, client capabilities). */
export function clientCanElicitForm(server: Server): boolean {
  const elicitation = server.getClientCapabilities()?.elicitation as Record<string, unknown> | undefined;
  if (elicitation === undefined || elicitation === null) return false;
  if ("form" in elicitation) return true;
  return !("url" in elicitation);
}

function viaParam(confirmParam: unknown): Confirmation {
  if (confirmParam === true) return { method: "param", weaker: true };
  throw new PolicyError("ERR_POLICY_CONFIRMATION_REQUIRED", {
    message: "The call needs human confirmation: ask the user, then repeat the call with confirm: true.",
  });
}

async function elicit(req: ConfirmRequest): Promise<Confirmation> {
  let result: { action: string; content?: Record<string, unknown> | undefined };
  try {
    result = await req.server.request(
      { method: "elicitation/create", params: { mode: "form", message: confirmMessage(req), requestedSchema } },
      ElicitResultSchema,
      { relatedRequestId: req.relatedRequestId, timeout: req.timeoutMs, signal: req.signal },
    );
  } catch {
    // No answer (timeout, cancelled, client error) is not a yes.
    throw new PolicyError("ERR_POLICY_CONFIRMATION_DENIED");
  }
  if (result.action === "accept" && result.content?.approve === true) return { method: "elicit", weaker: false };
  throw new PolicyError("ERR_POLICY_CONFIRMATION_DENIED");
}

// JSON.stringify escapes control characters, so arguments cannot forge the prompt's layout (CWE-150).
function confirmMessage(req: ConfirmRequest): string {
  return `Allow the tool "${req.tool}" to run with exactly these arguments?\n${JSON.stringify(req.args, null, 2)}`;
}

const requestedSchema = {
  type: "object",
  properties: {
    approve: { type: "boolean", title: "Approve this call", description: "Only an explicit yes lets the call run." },
  },
  required: ["approve"],
} as const;
