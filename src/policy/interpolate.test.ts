// Unit tests for ${env:VAR} interpolation: only that syntax expands, once; missing, empty and malformed are errors.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError } from "../errors.ts";
import { hasEnvReference, interpolate, interpolateTree, isWholeEnvReference } from "./interpolate.ts";

const locate = () => ({ file: "w.yaml", line: 7 });

test("whole and embedded references expand", () => {
  assert.equal(interpolate(`\${env:A}`, { A: "x" }, ["k"], locate), "x");
  assert.equal(interpolate(`a-\${env:A}-\${env:B_2}`, { A: "x", B_2: "y" }, ["k"], locate), "a-x-y");
});

test("other syntaxes stay literal and values are not expanded again", () => {
  const env = { A: `\${env:B}`, B: "no", HOME: "/h" };
  assert.equal(interpolate(`$HOME \${HOME} $(id) \${env:A}`, env, ["k"], locate), `$HOME \${HOME} $(id) \${env:B}`);
});

test("missing, empty and malformed references are ConfigErrors with file, line and key", () => {
  const cases: [string, NodeJS.ProcessEnv, string, RegExp][] = [
    [`\${env:NOPE}`, {}, "ERR_CONFIG_MISSING_ENV", /NOPE is not set/],
    [`\${env:E}`, { E: "" }, "ERR_CONFIG_MISSING_ENV", /E is empty/],
    [`\${env:}`, {}, "ERR_CONFIG_INVALID", /malformed/],
    [`\${env:1A}`, {}, "ERR_CONFIG_INVALID", /malformed/],
    [`\${env:A`, { A: "x" }, "ERR_CONFIG_INVALID", /malformed/],
  ];
  for (const [value, env, code, message] of cases) {
    assert.throws(
      () => interpolate(value, env, ["upstreams", "a", "env", "X"], locate),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.code === code &&
        message.test(err.message) &&
        err.file === "w.yaml" &&
        err.line === 7 &&
        err.key === "upstreams.a.env.X",
    );
  }
});

test("trees: strings in maps and lists expand, keys and other types do not", () => {
  const ref = `\${env:A}`;
  const tree = { [ref]: [ref, 1, true, null, { b: ref }] };
  assert.deepEqual(interpolateTree(tree, { A: "x" }, locate), { [ref]: ["x", 1, true, null, { b: "x" }] });
});

test("reference predicates", () => {
  assert.ok(isWholeEnvReference(`\${env:KEY}`));
  assert.ok(!isWholeEnvReference(`x\${env:KEY}`));
  assert.ok(hasEnvReference(`Bearer \${env:T}`));
  assert.ok(!hasEnvReference(`\${T}`));
});
