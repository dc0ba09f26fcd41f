// Linear-time contract for the loader's own patterns (literal-secret shapes, ${env:VAR}), checked with recheck.
import assert from "node:assert/strict";
import { test } from "node:test";
import { check } from "recheck";
import { LITERAL_SECRET_PATTERNS } from "./literal-secrets.ts";

// The pure-JS backend runs in-process: no JVM, no download.
process.env.RECHECK_BACKEND = "pure";
const PARAMS = { checker: "automaton", timeout: 30_000, maxRepeatCount: 100_000 } as const;
const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

test("every literal-secret and interpolation pattern is free of super-linear backtracking", async () => {
  for (const pattern of [...LITERAL_SECRET_PATTERNS, ENV_REFERENCE]) {
    const result = await check(pattern.source, pattern.flags, PARAMS);
    const detail = result.status === "vulnerable" ? result.complexity.summary : "";
    assert.equal(result.status, "safe", `${pattern.source}: ${result.status} ${detail}`);
  }
});
