// ReDoS contract for the poisoning detector and the write-back placeholder pattern: every regular expression that
// runs on untrusted tool definitions or arguments must be judged "safe" (linear-time) by recheck (CWE-1333).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { check } from "recheck";
import { PLACEHOLDER_PATTERN } from "../../guards/write-back.ts";
import { RECHECK_PARAMS, useInProcessRecheck } from "../fixtures/recheck-params.ts";
import { POISONING_PATTERNS } from "./index.ts";

// Same checker settings as the detectors' contract (src/detect/redos.test.ts).
useInProcessRecheck();

const patterns = [...POISONING_PATTERNS, { rule: "write-back-placeholder", pattern: PLACEHOLDER_PATTERN }];

describe("poisoning patterns are linear-time (recheck)", { timeout: 180_000 }, () => {
  for (const [i, { rule, pattern }] of patterns.entries()) {
    it(`${rule} #${i}: /${pattern.source.slice(0, 40)}…/`, async () => {
      const result = await check(pattern.source, pattern.flags, RECHECK_PARAMS);
      const detail =
        result.status === "vulnerable" ? result.complexity.summary : "error" in result ? result.error.kind : "";
      assert.equal(result.status, "safe", `${rule}: ${result.status} ${detail}`);
    });
  }
});
