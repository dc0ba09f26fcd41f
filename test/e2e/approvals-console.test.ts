// The approval console in real Chromium (Debian chromium + playwright-core): a call waits in the real stdio gateway
// (official SDK client), an approver approves it in the browser and the call completes; the caller approving their
// own call is refused. The console is the real HTTP front's (`/warden/approvals`), behind its bearer authentication:
// the browser sends a warden token with the approver scope, and shares the gateway's file store.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type Browser, chromium } from "playwright-core";
import { createApprovalStore } from "../../src/approvals/approval-store.ts";
import { CONSOLE_PATH, consoleHandler } from "../../src/approvals/console-handler.ts";
import { testPolicy } from "../../src/guards/test-context.ts";
import { McpError } from "../../src/mcp/sdk.ts";
import { createFileStore } from "../../src/store/file-store.ts";
import type { WardenStore } from "../../src/store/types.ts";
import { connectThroughGateway, EVERYTHING_SERVER, type GatewayHarness, REPO_ROOT } from "../helpers/gateway-client.ts";
import { type Harness, startHarness } from "./http-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  console.error(`SKIPPING approval console browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}

let h: GatewayHarness;
let store: WardenStore;
let front: Harness;
let browser: Browser;
let base = "";

before(async () => {
  if (!available) return;
  h = await connectThroughGateway({
    policyYaml:
      "version: 1\nenvironment: dev\naudit: { enabled: false }\nstore: { kind: file, path: state }\ntools:\n  echo: { confirm: console }\n",
    upstream: EVERYTHING_SERVER,
  });
  store = await createFileStore({ path: join(h.dir, "state") });
  const handler = consoleHandler({
    approvals: createApprovalStore(store),
    policy: testPolicy(),
    csrfKey: randomBytes(32),
  });
  front = await startHarness({ approvalConsole: handler });
  base = front.front.url.replace(/\/mcp$/, "");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  if (!available) return;
  await browser?.close();
  await front?.front.close();
  await store?.close();
  await h?.close();
});

async function pageAs(sub: string) {
  const { token } = await front.tokens.issue({ sub, scopes: ["warden:approve"] });
  const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  return context.newPage();
}

async function waitForRow(page: Awaited<ReturnType<typeof pageAs>>) {
  for (let i = 0; i < 100; i++) {
    await page.goto(base + CONSOLE_PATH);
    if ((await page.locator("#pending tbody tr").count()) > 0) return page.locator("#pending tbody tr").first();
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail("no pending call appeared in the console");
}

test("an approver approves in the browser and the waiting call completes", { skip: !available }, async () => {
  const call = h.client.callTool({ name: "echo", arguments: { message: "mail ada.lovelace@example.org" } });
  const page = await pageAs("alice");
  const row = await waitForRow(page);
  assert.match((await row.textContent()) ?? "", /echo/);
  assert.ok(!(await page.content()).includes("ada.lovelace@example.org"), "arguments are masked");
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "approvals-console.png"), fullPage: true });
  await row.getByRole("button", { name: "Approve" }).click();
  await page.waitForSelector("#notice");
  assert.match((await page.textContent("#notice")) ?? "", /approved echo/);
  const result = await call;
  assert.match(JSON.stringify(result.content), /Echo: mail/);
  await page.screenshot({ path: join(ARTIFACTS, "approvals-console-decided.png"), fullPage: true });
  await page.context().close();
});

test("the caller approving their own call in the browser is refused", { skip: !available }, async () => {
  // Settled into a value at once: the refusal can arrive while the test is still clicking, before it awaits the call.
  const outcome = h.client.callTool({ name: "echo", arguments: { message: "self" } }).then(
    () => undefined,
    (err: unknown) => err,
  );
  const caller = userInfo().username; // the stdio gateway's principal is the local user
  const page = await pageAs(caller);
  const row = await waitForRow(page);
  await row.getByRole("button", { name: "Approve" }).click();
  await page.waitForSelector("#notice");
  assert.match((await page.textContent("#notice")) ?? "", /cannot approve their own call/);
  const again = await waitForRow(page);
  await again.getByRole("button", { name: "Deny" }).click();
  const err = await outcome;
  assert.ok(err instanceof McpError, `the call was not refused: ${String(err)}`);
  assert.equal((err.data as { code?: string }).code, "ERR_POLICY_CONFIRMATION_DENIED");
  await page.context().close();
});
