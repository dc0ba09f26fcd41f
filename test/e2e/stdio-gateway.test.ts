// End-to-end: the official SDK Client → `mcp-warden gateway` (stdio) → real upstreams (server-everything and our own
// faulty-server). Checks what a client can and cannot reach through the gateway, and that messages the policy allows
// (progress, cancellation, elicitation) pass through unchanged.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ElicitRequestSchema, McpError } from "../../src/mcp/sdk.ts";
import {
  CLI_ENTRY,
  connectThroughGateway,
  EVERYTHING_SERVER,
  FILESYSTEM_SERVER,
  type GatewayHarness,
  REPO_ROOT,
} from "../helpers/gateway-client.ts";

const FAULTY_SERVER = [process.execPath, "--import", "tsx", "test/fixtures/servers/faulty-server.ts"];

const EVERYTHING_POLICY = `
version: 1
environment: dev
audit: { enabled: false }
defaults: { confirm: never }
tools:
  echo: {}
  get-sum: {}
  trigger-long-running-operation: {}
  trigger-elicitation-request: {}
  get-env: { allow: false }
`;

async function refusal(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof McpError, `expected an McpError, got ${String(err)}`);
    return err;
  }
  assert.fail("the call was not refused");
}

describe("gateway in front of server-everything", () => {
  let h: GatewayHarness;
  before(async () => {
    h = await connectThroughGateway({
      policyYaml: EVERYTHING_POLICY,
      upstream: EVERYTHING_SERVER,
      capabilities: { capabilities: { elicitation: { form: {} } } },
    });
    h.client.setRequestHandler(ElicitRequestSchema, async (req) => {
      assert.equal(req.params.mode ?? "form", "form");
      return {
        action: "accept",
        content: {
          name: "Ada Lovelace",
          check: true,
          firstLine: "x",
          email: "ada@example.com",
          homepage: "https://example.com",
          birthdate: "1815-12-10",
          integer: 42,
          number: 1.5,
          untitledSingleSelectEnum: "Option 1",
        },
      };
    });
  });
  after(() => h.close());

  test("lists only the tools the policy allows", async () => {
    const names = (await h.client.listTools()).tools.map((t) => t.name).sort();
    assert.ok(names.includes("echo") && names.includes("get-sum"));
    assert.ok(!names.includes("get-env"), "a denied tool is hidden");
    assert.ok(!names.includes("get-tiny-image"), "an unlisted tool is hidden");
  });

  test("an allowed tool works", async () => {
    const result = await h.client.callTool({ name: "echo", arguments: { message: "hello" } });
    assert.deepEqual(result.content, [{ type: "text", text: "Echo: hello" }]);
  });

  test("denied, unlisted, nonexistent and look-alike tools get the same unknown-tool answer", async () => {
    const answers = [];
    for (const name of ["get-env", "get-tiny-image", "no-such-tool", "Echo", "echo ", "еcho", "echo\u200b"]) {
      const err = await refusal(h.client.callTool({ name, arguments: {} }));
      answers.push({ code: err.code, data: err.data, shape: err.message.replace(name.slice(0, 128), "<name>") });
    }
    for (const a of answers) assert.deepEqual(a, answers[0]);
    assert.equal(answers[0]!.code, -32602);
    assert.deepEqual(answers[0]!.data, { code: "ERR_POLICY_TOOL_NOT_ALLOWED" });
  });

  test("progress notifications pass through", async () => {
    const progress: number[] = [];
    await h.client.callTool(
      { name: "trigger-long-running-operation", arguments: { duration: 1, steps: 3 } },
      undefined,
      { onprogress: (p) => progress.push(p.progress) },
    );
    // The SDK client dispatches notifications a microtask after the message, so a last progress notification read in
    // the same chunk as the response can land after its handler is removed: the exact wire order is checked below.
    assert.deepEqual(progress, [1, 2, 3].slice(0, progress.length));
    assert.ok(progress.length >= 2);
  });

  test("progress notifications reach the client in order, all before the response (raw wire)", async () => {
    const lines = await rawExchange(
      EVERYTHING_POLICY,
      EVERYTHING_SERVER,
      [
        {
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
        },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        {
          jsonrpc: "2.0",
          id: 2,
          method: "tools/call",
          params: {
            name: "trigger-long-running-operation",
            arguments: { duration: 1, steps: 3 },
            _meta: { progressToken: "p1" },
          },
        },
      ],
      2,
    );
    const relevant = lines.filter(
      (m) => m.id === 2 || (m.method === "notifications/progress" && m.params?.progressToken === "p1"),
    );
    assert.deepEqual(
      relevant.map((m) => (m.id === 2 ? "response" : m.params?.progress)),
      [1, 2, 3, "response"],
    );
  });

  test("an elicitation request from the upstream reaches the client and its answer gets back", async () => {
    const result = await h.client.callTool({ name: "trigger-elicitation-request", arguments: {} });
    assert.match(JSON.stringify(result.content), /Ada Lovelace/);
  });

  test("an unknown method is refused with method-not-found", async () => {
    const err = await refusal(h.client.request({ method: "tools/delete_everything", params: {} }, ElicitRequestSchema));
    assert.equal(err.code, -32601);
    assert.deepEqual(err.data, { code: "ERR_POLICY_METHOD_NOT_ALLOWED" });
  });
});

describe("gateway in front of a faulty upstream", () => {
  let h: GatewayHarness;
  before(async () => {
    h = await connectThroughGateway({
      policyYaml: `
version: 1
environment: dev
audit: { enabled: false }
defaults: { tools: allow, confirm: never }
tools:
  hang: { call_timeout: 1s }
`,
      upstream: FAULTY_SERVER,
      env: { WARDEN_CANARY_ENV: "canary-value-7f3a" },
    });
  });
  after(() => h.close());

  test("the upstream gets only the minimal environment, never the gateway's", async () => {
    const result = await h.client.callTool({ name: "env", arguments: {} });
    const env = JSON.parse((result.content as { text: string }[])[0]!.text) as Record<string, string>;
    assert.equal(env.WARDEN_CANARY_ENV, undefined);
    assert.ok(
      Object.keys(env).every((k) => ["PATH", "HOME", "LANG", "TMPDIR"].includes(k)),
      Object.keys(env).join(","),
    );
  });

  test("a cancelled call is cancelled upstream too", async () => {
    const controller = new AbortController();
    const call = h.client.callTool({ name: "hang", arguments: {} }, undefined, {
      signal: controller.signal,
      timeout: 60_000,
    });
    await new Promise((r) => setTimeout(r, 200));
    controller.abort("user gave up");
    await assert.rejects(call);
    await new Promise((r) => setTimeout(r, 200));
    const listed = await h.client.callTool({ name: "cancellations", arguments: {} });
    assert.equal(JSON.parse((listed.content as { text: string }[])[0]!.text).length, 1);
  });

  test("a hung call times out with an error and a cancellation sent upstream", async () => {
    const err = await refusal(h.client.callTool({ name: "hang", arguments: {} }, undefined, { timeout: 30_000 }));
    assert.deepEqual(err.data, { code: "ERR_UPSTREAM_TIMEOUT" });
    await new Promise((r) => setTimeout(r, 200));
    const listed = await h.client.callTool({ name: "cancellations", arguments: {} });
    assert.equal(JSON.parse((listed.content as { text: string }[])[0]!.text).length, 2);
  });

  test("an upstream crash answers the pending call and the upstream is restarted", async () => {
    const before = await h.client.callTool({ name: "pid", arguments: {} });
    const err = await refusal(h.client.callTool({ name: "crash", arguments: {} }));
    assert.deepEqual(err.data, { code: "ERR_UPSTREAM_EXITED" });
    let after: Awaited<ReturnType<typeof h.client.callTool>> | undefined;
    for (let i = 0; i < 50 && !after; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await h.client.callTool({ name: "pid", arguments: {} }).catch(() => undefined);
    }
    assert.ok(after, "the restarted upstream answers");
    assert.notEqual(JSON.stringify(after.content), JSON.stringify(before.content));
  });
});

test("client disconnect terminates the upstream (no orphan)", async () => {
  const h = await connectThroughGateway({
    policyYaml: "version: 1\nenvironment: dev\naudit: { enabled: false }\ndefaults: { tools: allow, confirm: never }\n",
    upstream: FAULTY_SERVER,
  });
  const result = await h.client.callTool({ name: "pid", arguments: {} });
  const pid = Number((result.content as { text: string }[])[0]!.text);
  await h.close();
  let alive = true;
  for (let i = 0; i < 50 && alive; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
  }
  assert.equal(alive, false, `upstream pid ${pid} still running`);
});

describe("gateway in front of server-filesystem", () => {
  let h: GatewayHarness;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), "warden-fs-"));
    mkdirSync(join(root, "public"));
    writeFileSync(join(root, "public/readme.txt"), "public text");
    writeFileSync(join(root, "secret.txt"), "top secret");
    h = await connectThroughGateway({
      policyYaml: `
version: 1
environment: dev
audit: { enabled: false }
defaults: { confirm: never }
tools:
  read_text_file: { args: { path: { path_prefix: "${join(root, "public")}" } } }
  list_allowed_directories: {}
`,
      upstream: [...FILESYSTEM_SERVER, root],
    });
  });
  after(async () => {
    await h.close();
    rmSync(root, { recursive: true, force: true });
  });

  test("a path inside the allowed prefix is read", async () => {
    const result = await h.client.callTool({
      name: "read_text_file",
      arguments: { path: join(root, "public/readme.txt") },
    });
    assert.match(JSON.stringify(result.content), /public text/);
  });

  test("path traversal out of the prefix is refused before it reaches the server", async () => {
    for (const path of [
      join(root, "public/../secret.txt"),
      join(root, "secret.txt"),
      `${join(root, "public")}-evil/x`,
      "/etc/passwd",
    ]) {
      const err = await refusal(h.client.callTool({ name: "read_text_file", arguments: { path } }));
      assert.equal(err.code, -32602, path);
      assert.deepEqual(err.data, { code: "ERR_POLICY_ARGS_INVALID", argument: "path", rule: "path_prefix" }, path);
      assert.ok(!err.message.includes("secret"), "the refusal does not echo the value");
    }
  });

  test("an argument the schema does not declare is refused", async () => {
    const err = await refusal(
      h.client.callTool({ name: "read_text_file", arguments: { path: join(root, "public/readme.txt"), sudo: true } }),
    );
    assert.deepEqual(err.data, { code: "ERR_POLICY_ARGS_INVALID", argument: "sudo", rule: "unknown" });
  });

  test("write tools the policy does not list are hidden", async () => {
    const names = (await h.client.listTools()).tools.map((t) => t.name).sort();
    assert.deepEqual(names, ["list_allowed_directories", "read_text_file"]);
  });
});

describe("response size cap", () => {
  for (const mode of ["truncate", "refuse"] as const) {
    test(`an oversized result is ${mode === "truncate" ? "truncated with a notice" : "refused"}`, async () => {
      const h = await connectThroughGateway({
        policyYaml: `
version: 1
environment: dev
audit: { enabled: false }
defaults: { max_response_bytes: 4096, on_oversize: ${mode}, confirm: never }
tools: { big: {} }
`,
        upstream: FAULTY_SERVER,
      });
      try {
        if (mode === "refuse") {
          const err = await refusal(h.client.callTool({ name: "big", arguments: { bytes: 100_000 } }));
          assert.deepEqual(err.data, { code: "ERR_POLICY_RESPONSE_TOO_LARGE", max_bytes: 4096 });
        } else {
          const result = await h.client.callTool({ name: "big", arguments: { bytes: 100_000 } });
          const text = JSON.stringify(result);
          assert.ok(Buffer.byteLength(text) <= 4096, `result is ${Buffer.byteLength(text)} bytes`);
          assert.match(text, /HEAD/);
          assert.match(text, /TAIL/);
          assert.match(text, /truncated/);
        }
        const small = await h.client.callTool({ name: "big", arguments: { bytes: 100 } });
        assert.match(JSON.stringify(small), /HEADx+TAIL/);
      } finally {
        await h.close();
      }
    });
  }
});

interface WireMessage {
  id?: number;
  method?: string;
  params?: { progressToken?: string; progress?: number };
}

/** Speaks raw JSON-RPC to `mcp-warden gateway` over stdio; resolves with every message received until `untilId`. */
async function rawExchange(
  policyYaml: string,
  upstream: readonly string[],
  frames: object[],
  untilId: number,
): Promise<WireMessage[]> {
  const dir = mkdtempSync(join(tmpdir(), "warden-raw-"));
  writeFileSync(join(dir, "warden.yaml"), policyYaml);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CLI_ENTRY, "gateway", "--policy", join(dir, "warden.yaml"), "--", ...upstream],
    {
      cwd: REPO_ROOT,
      stdio: ["pipe", "pipe", "ignore"],
    },
  );
  const received: WireMessage[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no response in time")), 60_000);
      let buffered = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        for (let nl = buffered.indexOf("\n"); nl !== -1; nl = buffered.indexOf("\n")) {
          const message = JSON.parse(buffered.slice(0, nl)) as WireMessage;
          buffered = buffered.slice(nl + 1);
          received.push(message);
          if (message.id === 1)
            child.stdin.write(
              frames
                .slice(1)
                .map((f) => `${JSON.stringify(f)}\n`)
                .join(""),
            );
          if (message.id === untilId) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
      child.stdin.write(`${JSON.stringify(frames[0])}\n`);
    });
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  return received;
}
