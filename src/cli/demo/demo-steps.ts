// The scripted session of `mcp-warden demo`: each step makes one call through the gateway and checks that the guard
// it shows did its job. A step whose check fails makes the demo exit 1, so the demo doubles as a smoke test.
import type { Client } from "../../mcp/sdk.ts";
import { McpError } from "../../mcp/sdk.ts";

export interface StepResult {
  ok: boolean;
  shown: string;
  note: string;
}

export interface DemoStep {
  title: string;
  run(client: Client): Promise<StepResult>;
}

type CallResult = Awaited<ReturnType<Client["callTool"]>>;

function textOf(result: CallResult): string {
  const content = (result.content ?? []) as { type: string; text?: string }[];
  return content.map((c) => c.text ?? `[${c.type}]`).join("\n");
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string } | undefined> {
  try {
    await call;
    return undefined;
  } catch (err) {
    if (!(err instanceof McpError)) throw err;
    return { code: String((err.data as { code?: string } | undefined)?.code), message: err.message };
  }
}

function clip(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export const DEMO_STEPS: DemoStep[] = [
  {
    title: "An allowed lookup returns only the fields the policy lists",
    async run(client) {
      const result = await client.callTool({ name: "lookup_user_by_email", arguments: { email: "alice@example.com" } });
      const text = textOf(result);
      const fields = Object.keys(JSON.parse(text) as object).sort();
      return { ok: fields.join() === "id,status", shown: text, note: `projection kept ${fields.join(", ")}` };
    },
  },
  {
    title: "PII and a secret in a result are masked before the agent sees them",
    async run(client) {
      const text = textOf(await client.callTool({ name: "search_docs", arguments: { query: "deploy" } }));
      const masked = text.match(/\[REDACTED:[a-z0-9-]+#\d+\]/g) ?? [];
      const leaked = /ghp_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|oncall@example\.com/.test(text);
      return {
        ok: masked.length >= 2 && !leaked,
        shown: clip(text, 400),
        note: `redaction replaced ${masked.length} values`,
      };
    },
  },
  {
    title: "A raw-SQL attempt is refused: no such tool, and injection in arguments fails validation",
    async run(client) {
      const sql = await refusal(client.callTool({ name: "run_sql", arguments: { query: "DROP TABLE app.users" } }));
      const injection = await refusal(
        client.callTool({ name: "lookup_user_by_email", arguments: { email: "x' OR '1'='1" } }),
      );
      const ok = sql?.code === "ERR_POLICY_TOOL_NOT_ALLOWED" && injection?.code === "ERR_POLICY_ARGS_INVALID";
      return {
        ok,
        shown: `run_sql → ${sql?.message ?? "not refused"}\nlookup_user_by_email("x' OR '1'='1") → ${injection?.message ?? "not refused"}`,
        note: "tool allowlist and argument validation",
      };
    },
  },
  {
    title: "An oversized result is capped, head and tail kept, with a visible notice",
    async run(client) {
      const text = textOf(await client.callTool({ name: "search_docs", arguments: { query: "changelog" } }));
      const notice = /\[mcp-warden: response truncated from (\d+) to (\d+) bytes\]/.exec(text);
      return {
        ok: notice !== null,
        shown: notice?.[0] ?? clip(text),
        note: `result of ${Buffer.byteLength(text)} bytes after the cap`,
      };
    },
  },
  {
    title: "The write tool asks a human for confirmation (the demo client answers for them)",
    async run(client) {
      const result = await client.callTool({
        name: "create_ticket",
        arguments: { title: "Refund for order 60001", body: "Customer asked for a refund." },
      });
      const text = textOf(result);
      return { ok: result.isError !== true, shown: clip(text), note: "confirmation by elicitation, then forwarded" };
    },
  },
];
