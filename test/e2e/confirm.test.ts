// End-to-end human confirmation through the real gateway with the official SDK client: elicitation the model cannot
// answer, the weakest `confirm: true` parameter mode, and the prompt-injection cases that must be refused.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ElicitRequestSchema, McpError } from "../../src/mcp/sdk.ts";
import { connectThroughGateway, EVERYTHING_SERVER } from "../helpers/gateway-client.ts";

const FAULTY_SERVER = [process.execPath, "--import", "tsx", "test/fixtures/servers/faulty-server.ts"];

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof McpError, String(err));
    return String((err.data as { code?: string } | undefined)?.code);
  }
  assert.fail("the call was not refused");
}

describe("confirm: elicit", () => {
  const policy = `
version: 1
environment: dev
audit: { enabled: false }
tools:
  echo: { confirm: elicit }
`;

  test("the human sees tool, server and masked arguments; an explicit accept lets the call through", async () => {
    const prompts: string[] = [];
    const h = await connectThroughGateway({
      policyYaml: policy,
      upstream: EVERYTHING_SERVER,
      capabilities: { capabilities: { elicitation: {} } },
    });
    h.client.setRequestHandler(ElicitRequestSchema, async (req) => {
      prompts.push(req.params.message);
      return { action: "accept", content: { approve: true } };
    });
    try {
      const result = await h.client.callTool({ name: "echo", arguments: { message: "mail ada.lovelace@example.org" } });
      assert.match(JSON.stringify(result.content), /Echo: mail/);
      assert.equal(prompts.length, 1);
      assert.match(prompts[0]!, /"echo" on server "default"/);
      assert.ok(!prompts[0]!.includes("ada.lovelace@example.org"), "PII is masked in the prompt");
    } finally {
      await h.close();
    }
  });

  for (const answer of [
    { action: "decline" },
    { action: "cancel" },
    { action: "accept", content: { approve: false } },
  ] as const) {
    test(`an answer of ${JSON.stringify(answer)} refuses the call`, async () => {
      const h = await connectThroughGateway({
        policyYaml: policy,
        upstream: EVERYTHING_SERVER,
        capabilities: { capabilities: { elicitation: {} } },
      });
      h.client.setRequestHandler(ElicitRequestSchema, async () => answer);
      try {
        assert.equal(
          await refusalCode(h.client.callTool({ name: "echo", arguments: { message: "x" } })),
          "ERR_POLICY_CONFIRMATION_DENIED",
        );
      } finally {
        await h.close();
      }
    });
  }

  test("a client without elicitation cannot run the tool (fails closed)", async () => {
    const h = await connectThroughGateway({ policyYaml: policy, upstream: EVERYTHING_SERVER });
    try {
      assert.equal(
        await refusalCode(h.client.callTool({ name: "echo", arguments: { message: "x" } })),
        "ERR_POLICY_CONFIRMATION_REQUIRED",
      );
    } finally {
      await h.close();
    }
  });

  test("the model setting confirm: true on an elicit-mode tool does not bypass the human", async () => {
    let asked = 0;
    const h = await connectThroughGateway({
      policyYaml: policy,
      upstream: EVERYTHING_SERVER,
      capabilities: { capabilities: { elicitation: {} } },
    });
    h.client.setRequestHandler(ElicitRequestSchema, async () => {
      asked++;
      return { action: "decline" };
    });
    try {
      const code = await refusalCode(h.client.callTool({ name: "echo", arguments: { message: "x", confirm: true } }));
      assert.ok(["ERR_POLICY_ARGS_INVALID", "ERR_POLICY_CONFIRMATION_DENIED"].includes(code), code);
    } finally {
      await h.close();
    }
    assert.ok(asked <= 1);
  });
});

describe("confirm: param (weakest mode)", () => {
  test("the parameter is advertised, required, and stripped before the upstream sees the call", async () => {
    const h = await connectThroughGateway({
      policyYaml: `
version: 1
environment: dev
audit: { enabled: false }
tools:
  record: { confirm: param, allow_unknown_args: true }
`,
      upstream: FAULTY_SERVER,
    });
    try {
      const tool = (await h.client.listTools()).tools.find((t) => t.name === "record");
      assert.ok(tool?.inputSchema.properties?.confirm, "confirm is added to the advertised schema");
      assert.equal(
        await refusalCode(h.client.callTool({ name: "record", arguments: { note: "a" } })),
        "ERR_POLICY_CONFIRMATION_REQUIRED",
      );
      assert.equal(
        await refusalCode(h.client.callTool({ name: "record", arguments: { note: "a", confirm: "true" } })),
        "ERR_POLICY_CONFIRMATION_REQUIRED",
      );
      const result = await h.client.callTool({ name: "record", arguments: { note: "a", confirm: true } });
      assert.deepEqual(JSON.parse((result.content as { text: string }[])[0]!.text), { note: "a" });
    } finally {
      await h.close();
    }
  });
});

test("defaults.confirm: writes asks for tools that are not pinned read-only", async () => {
  const h = await connectThroughGateway({
    policyYaml: "version: 1\nenvironment: dev\naudit: { enabled: false }\ntools:\n  echo: {}\n",
    upstream: EVERYTHING_SERVER,
  });
  try {
    // echo says readOnlyHint: true, but without a pinned definition that hint is not trusted.
    assert.equal(
      await refusalCode(h.client.callTool({ name: "echo", arguments: { message: "x" } })),
      "ERR_POLICY_CONFIRMATION_REQUIRED",
    );
  } finally {
    await h.close();
  }
});
