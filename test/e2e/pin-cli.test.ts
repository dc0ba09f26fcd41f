// End-to-end: `mcp-warden pin` (run from source) against real upstreams — server-everything and shifty-server, whose
// tool definitions change between runs. Checks the lockfile on disk, byte stability, and `--diff` exit codes and text.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { listUpstreamTools } from "../../src/gateway/list-upstream-tools.ts";
import { diffLock, formatLockDiff, hasDifferences } from "../../src/policy/lock-diff.ts";
import { readLockfile } from "../../src/policy/lockfile.ts";
import { policySchema } from "../../src/policy/schema.ts";
import { CLI_ENTRY, EVERYTHING_SERVER, REPO_ROOT } from "../helpers/gateway-client.ts";

const SHIFTY = join(REPO_ROOT, "test/fixtures/servers/shifty-server.ts");
const dir = mkdtempSync(join(tmpdir(), "warden-pin-"));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function pinCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", CLI_ENTRY, "pin", ...args],
      { cwd: REPO_ROOT, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function shiftyPolicy(file: string, env: Record<string, string>, extra = ""): string {
  const envYaml = Object.entries(env)
    .map(([k, v]) => `      ${k}: "${v}"`)
    .join("\n");
  writeFileSync(
    file,
    `version: 1
audit: { enabled: false }
pins: { lockfile: shifty.lock }
upstreams:
  shifty:
    command: ${JSON.stringify(process.execPath)}
    args: ["--import", "tsx", ${JSON.stringify(SHIFTY)}]
    cwd: ${JSON.stringify(REPO_ROOT)}
    env:
      SHIFTY_MARK: "x"
${envYaml}
${extra}`,
  );
  return file;
}

describe("pin against server-everything", () => {
  const policy = join(dir, "everything.yaml");
  const lock = join(dir, "warden.lock");
  writeFileSync(
    policy,
    `version: 1\naudit: { enabled: false }\nupstreams:\n  everything:\n    command: ${JSON.stringify(EVERYTHING_SERVER[0])}\n    args: ${JSON.stringify(EVERYTHING_SERVER.slice(1))}\n`,
  );

  test("pin writes the lock; a second run leaves it byte-identical; --diff exits 0, then 1 after a change", async () => {
    const first = await pinCli(["--policy", policy, "--by", "alice"]);
    assert.equal(first.code, 0, first.stderr);
    const text = readFileSync(lock, "utf8");
    const parsed = JSON.parse(text);
    assert.equal(parsed.version, 1);
    assert.equal(parsed.upstreams.everything.server.name, "mcp-servers/everything");
    assert.match(parsed.upstreams.everything.tools.echo.sha256, /^sha256:[0-9a-f]{64}$/);
    assert.equal(parsed.upstreams.everything.tools.echo.approved_by, "alice");
    assert.equal(parsed.upstreams.everything.tools.echo.definition.name, "echo");

    const second = await pinCli(["--policy", policy, "--by", "bob"]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /unchanged/);
    assert.equal(readFileSync(lock, "utf8"), text, "byte-identical across runs");

    const clean = await pinCli(["--policy", policy, "--diff"]);
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /upstream everything: matches the lock/);

    delete parsed.upstreams.everything.tools.echo;
    writeFileSync(lock, JSON.stringify(parsed));
    const dirty = await pinCli(["--policy", policy, "--diff"]);
    assert.equal(dirty.code, 1);
    assert.match(dirty.stdout, /\+ added tool "echo" sha256:/);
    assert.equal(readFileSync(lock, "utf8"), JSON.stringify(parsed), "--diff never writes");
  });

  test("an unknown --upstream is a usage error (exit 2)", async () => {
    const run = await pinCli(["--policy", policy, "--upstream", "nope"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no upstream named "nope"/);
  });
});

describe("pin --diff against shifty-server", () => {
  const policy = join(dir, "shifty.yaml");
  const lock = join(dir, "shifty.lock");
  let pinned = "";

  test("pin the base variant", async () => {
    const run = await pinCli(["--policy", shiftyPolicy(policy, { SHIFTY_VARIANT: "base" }), "--by", "alice"]);
    assert.equal(run.code, 0, run.stderr);
    pinned = readFileSync(lock, "utf8");
    assert.deepEqual(Object.keys(JSON.parse(pinned).upstreams.shifty.tools), ["read_file", "shift", "write_note"]);
  });

  // Through the CLI: one change of each kind the report shows (field diff, server identity).
  const cases: [string, Record<string, string>, RegExp[]][] = [
    [
      "a changed description",
      { SHIFTY_VARIANT: "description" },
      [
        /~ changed tool "read_file"/,
        /description:/,
        /\+ Reads any file on this machine/,
        /- Reads a file from the project directory\./,
      ],
    ],
    [
      "a server version change",
      { SHIFTY_VARIANT: "base", SHIFTY_SERVER_VERSION: "1.1.0" },
      [/server changed: "shifty-server" "1.0.0" -> "shifty-server" "1.1.0"/],
    ],
  ];
  for (const [what, env, patterns] of cases) {
    test(`--diff exits 1 and shows ${what}`, async () => {
      const run = await pinCli(["--policy", shiftyPolicy(policy, env), "--diff"]);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      for (const p of patterns) assert.match(run.stdout, p);
      assert.equal(readFileSync(lock, "utf8"), pinned);
    });
  }

  // The same pipeline the CLI runs (list → diff → format), in-process to spare a CLI start per case on a busy machine.
  test("every other kind of change is reported against the live server", async () => {
    const variants: [string, RegExp[]][] = [
      ["schema-property", [/~ changed tool "write_note"/, /inputSchema:/, /\+ {5}"cc": \{/]],
      ["schema-open", [/- {3}"additionalProperties": false,/, /\+ {3}"additionalProperties": true,/]],
      ["readonly-flip", [/annotations:/, /- {3}"destructiveHint": true,/, /\+ {3}"readOnlyHint": true/]],
      ["confusable", [/\+ added tool "r\\u\{435\}ad_file"/, /- removed tool "read_file"/]],
      ["trailing-space", [/\+ added tool "read_file "/, /- removed tool "read_file"/]],
    ];
    const lockNow = readLockfile(lock);
    await Promise.all(
      variants.map(async ([variant, patterns]) => {
        const upstream = policySchema.parse({
          version: 1,
          upstreams: {
            s: {
              command: process.execPath,
              args: ["--import", "tsx", SHIFTY],
              cwd: REPO_ROOT,
              env: { SHIFTY_VARIANT: variant },
            },
          },
        }).upstreams.s;
        assert.ok(upstream);
        const diff = diffLock(
          lockNow,
          "shifty",
          await listUpstreamTools(upstream, { name: "shifty", cwd: REPO_ROOT, timeoutMs: 90_000 }),
        );
        assert.ok(hasDifferences(diff), variant);
        const text = formatLockDiff(diff);
        for (const p of patterns) assert.match(text, p, variant);
      }),
    );
  });

  test("--diff exits 0 for a _meta-only change and for the same tools served one per page", async () => {
    const envs: Record<string, string>[] = [
      { SHIFTY_VARIANT: "meta-only" },
      { SHIFTY_VARIANT: "base", SHIFTY_PAGE_SIZE: "1" },
    ];
    for (const env of envs) {
      const run = await pinCli(["--policy", shiftyPolicy(policy, env), "--diff"]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
    }
  });

  test("re-pinning a change approves only the changed tool; others keep their approval", async () => {
    const run = await pinCli(["--policy", shiftyPolicy(policy, { SHIFTY_VARIANT: "readonly-flip" }), "--by", "bob"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /0 added, 1 changed, 0 removed/);
    const tools = JSON.parse(readFileSync(lock, "utf8")).upstreams.shifty.tools;
    assert.equal(tools.write_note.approved_by, "bob");
    assert.deepEqual(tools.write_note.definition.annotations, { readOnlyHint: true });
    assert.equal(tools.read_file.approved_by, "alice");
    assert.equal(tools.read_file.approved_at, JSON.parse(pinned).upstreams.shifty.tools.read_file.approved_at);
  });
});
