// Parsers with positions: JSONC (comments, trailing commas), TOML (key offsets), YAML; broken input → error offset.
import assert from "node:assert/strict";
import { test } from "node:test";
import { lineIndex } from "./line-index.ts";
import { at, formatPath, plain } from "./node.ts";
import { parseConfig } from "./parse-config.ts";

test("JSONC: comments and trailing commas parse, offsets point at values", () => {
  const text = '{\n  // c\n  "a": { "b": [1, "x",], },\n}';
  const r = parseConfig(text, "json");
  assert.equal(r.error, undefined);
  const node = at(r.root, ["a", "b", 1]);
  assert.deepEqual(lineIndex(text).position(node?.offset ?? -1), { line: 3, column: 19 });
  assert.deepEqual(plain(r.root), { a: { b: [1, "x"] } });
});

test("JSONC: a broken file reports where", () => {
  const r = parseConfig('{\n "a": 1\n "b": 2 }', "json");
  assert.ok(r.error);
  assert.equal(lineIndex('{\n "a": 1\n "b": 2 }').position(r.error.offset).line, 3);
});

test("TOML: values with key positions, including inline tables", () => {
  const text = 'model = "x"\n\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "pkg"]\nenv = { TOKEN = "v" }\n';
  const r = parseConfig(text, "toml");
  const lines = lineIndex(text);
  assert.equal(lines.position(at(r.root, ["mcp_servers", "github", "command"])?.offset ?? -1).line, 4);
  assert.equal(lines.position(at(r.root, ["mcp_servers", "github", "env", "TOKEN"])?.offset ?? -1).line, 6);
  assert.ok(parseConfig("[a\nb = ", "toml").error);
});

test("YAML: positions and bounded aliases", () => {
  const text = "mcpServers:\n  - name: db\n    command: uvx\n";
  const r = parseConfig(text, "yaml");
  assert.equal(lineIndex(text).position(at(r.root, ["mcpServers", 0, "command"])?.offset ?? -1).line, 3);
  assert.ok(parseConfig("a: [1, 2\nb: :", "yaml").error);
});

test("locations format as dotted paths with array indexes", () => {
  assert.equal(formatPath(["mcpServers", "github", "env", "GITHUB_TOKEN"]), "mcpServers.github.env.GITHUB_TOKEN");
  assert.equal(formatPath(["servers", "a b", "args", 3]), 'servers["a b"].args[3]');
});
