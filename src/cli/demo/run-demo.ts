// `mcp-warden demo`: starts the staging-db reference server behind the gateway (examples/staging-db/warden.yaml),
// drives a scripted session with the official SDK client, prints what each guard did, and verifies the audit chain.
import { rmSync } from "node:fs";
import pc from "picocolors";
import { verifyAuditLog } from "../../audit/verify.ts";
import { CONFIRMATION_PREFIX } from "../../guards/confirmation-message.ts";
import { Client, ElicitRequestSchema, StdioClientTransport } from "../../mcp/sdk.ts";
import { EXIT } from "../exit-codes.ts";
import { writeOut } from "../output.ts";
import { type DemoSetup, prepareDemo } from "./demo-setup.ts";
import { DEMO_STEPS } from "./demo-steps.ts";

const CONNECT_TIMEOUT_MS = 30_000;
const NOT_STARTED = -1;

export async function runDemo(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const setup = await prepareDemo(env);
  const started = performance.now();
  writeOut(pc.bold("mcp-warden demo: the staging-db reference server behind the gateway"));
  writeOut(
    setup.database === "embedded"
      ? pc.dim("database: embedded PGlite (a demonstration, not a security boundary); set DATABASE_URL for PostgreSQL")
      : pc.dim("database: PostgreSQL from DATABASE_URL (the server verifies its role is read-only at start-up)"),
  );
  try {
    const failed = await runSession(setup);
    if (failed === NOT_STARTED) {
      writeOut(pc.red("\nThe demo stopped: the server did not start."));
      return EXIT.FAILURE;
    }
    const verified = await verifyAudit(setup);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const ok = failed === 0 && verified;
    writeOut(ok ? pc.green(`\nAll steps passed in ${seconds} s.`) : pc.red(`\n${failed} step(s) failed.`));
    return ok ? EXIT.OK : EXIT.FAILURE;
  } finally {
    rmSync(setup.dir, { recursive: true, force: true });
  }
}

async function runSession(setup: DemoSetup): Promise<number> {
  let stderr = "";
  const transport = new StdioClientTransport({
    command: process.execPath,
    // The same entry point that runs this demo (the installed bin, or the sources under tsx in development).
    args: [...process.execArgv, process.argv[1] ?? "", "gateway", "--policy", setup.policyFile],
    env: setup.env,
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "mcp-warden-demo", version: "1.0.0" }, { capabilities: { elicitation: {} } });
  client.setRequestHandler(ElicitRequestSchema, async (req) => {
    const who = req.params.message.startsWith(CONFIRMATION_PREFIX)
      ? "the gateway asks the human"
      : "the server asks too (its own toolkit; forwarded by the gateway)";
    writeOut(pc.yellow(indent(`? ${who}: ${req.params.message}`)));
    writeOut(pc.yellow("  ! answered by the demo client: approve"));
    return { action: "accept", content: { approve: true } };
  });
  try {
    await client.connect(transport, { timeout: CONNECT_TIMEOUT_MS });
  } catch {
    writeOut(pc.red("The gateway or the staging-db server did not start:"));
    writeOut(indent(stderr.trim() || "(no output)"));
    return NOT_STARTED;
  }
  let failed = 0;
  for (const [i, step] of DEMO_STEPS.entries()) {
    writeOut(pc.bold(`\n${i + 1}. ${step.title}`));
    const result = await step.run(client).catch((err: unknown) => ({ ok: false, shown: String(err), note: "error" }));
    writeOut(indent(result.shown));
    writeOut(result.ok ? pc.green(`  ✔ ${result.note}`) : pc.red(`  ✖ ${result.note}`));
    if (!result.ok) failed++;
  }
  await client.close();
  await waitForExit(transport.pid);
  return failed;
}

async function verifyAudit(setup: DemoSetup): Promise<boolean> {
  writeOut(pc.bold(`\n${DEMO_STEPS.length + 1}. The audit log's hash chain verifies`));
  const result = await verifyAuditLog(setup.auditFile);
  if (result.ok) {
    writeOut(pc.green(`  ✔ ${result.lines} events, chain intact (mcp-warden audit verify)`));
    return true;
  }
  writeOut(pc.red(`  ✖ ${JSON.stringify(result)}`));
  return false;
}

async function waitForExit(pid: number | null): Promise<void> {
  for (let i = 0; pid !== null && i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
