// Linear-time contract: recheck (pure-JS backend, offline) over every detector pattern, plus adversarial timing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { check } from "recheck";
import { createEngineFor } from "./engine.ts";
import { unmark } from "./fixtures/fixture.ts";
import { ALL_FIXTURES } from "./fixtures/index.ts";
import { RECHECK_PARAMS, useInProcessRecheck } from "./fixtures/recheck-params.ts";
import { ALL_DETECTORS } from "./registry.ts";

// Bounded repetitions cost at most a constant per attempt; the timing test below bounds that constant on adversarial
// inputs.
useInProcessRecheck();

describe("ReDoS checker (recheck)", () => {
  it("flags a known-catastrophic pattern, so a pass below means something", async () => {
    const bad = await check("(a+)+$", "", RECHECK_PARAMS);
    assert.equal(bad.status, "vulnerable");
    const quadratic = await check("[a-z]+x", "g", RECHECK_PARAMS);
    assert.equal(quadratic.status, "vulnerable");
  });

  for (const d of ALL_DETECTORS) {
    it(`${d.id}: pattern is safe`, async () => {
      const result = await check(d.pattern.source, d.pattern.flags, RECHECK_PARAMS);
      const detail =
        result.status === "vulnerable" ? result.complexity.summary : "error" in result ? result.error.kind : "";
      assert.equal(result.status, "safe", `${d.id}: ${result.status} ${detail}`);
    });
  }
});

const SIZE = 64 * 1024;
/** Per detector, over all its adversarial 64 KiB inputs. Linear patterns take ~1 ms; a 200² backtrack takes seconds. */
const BUDGET_MS = 1500;

function fill(unit: string): string {
  if (unit.length === 0) return "";
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

function adversarialInputs(id: string, keywords: readonly string[]): string[] {
  const positives = ALL_FIXTURES.find((f) => f.detector === id)?.positives ?? [];
  const glued = positives.map((p) => unmark(p).text);
  const inputs = [fill(glued.join("")), fill(glued.map((t) => t.slice(0, -1)).join(""))];
  for (const k of keywords.slice(0, 4)) {
    inputs.push(fill(k), fill(`${k}aA0-_.`), fill(`${k}${"aA0".repeat(30)}`), fill(`${k}= "${"Ab1".repeat(20)}`));
  }
  inputs.push(fill("a"), fill("1"), fill("1-"), fill("a@"), fill("a."), fill("1 "), fill(":"), fill("-----"));
  return inputs;
}

describe("adversarial timing", () => {
  for (const d of ALL_DETECTORS) {
    it(`${d.id}: 64 KiB adversarial inputs scan within ${BUDGET_MS} ms`, () => {
      const engine = createEngineFor([d]);
      const inputs = adversarialInputs(d.id, d.keywords);
      const started = performance.now();
      for (const input of inputs) engine.scan(input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < BUDGET_MS, `${d.id}: ${elapsed.toFixed(0)} ms over ${inputs.length} inputs`);
    });
  }
});
