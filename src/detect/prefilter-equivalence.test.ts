// The engine's prefilters never change a finding: run-gated detectors (digit runs, IBAN runs) find what full-text
// passes find.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runOf, withinRun } from "./anchor.ts";
import { createEngineFor } from "./engine.ts";
import { cleanCorpus } from "./fixtures/clean-corpus.ts";
import { unmark } from "./fixtures/fixture.ts";
import { ALL_FIXTURES } from "./fixtures/index.ts";
import { ALL_DETECTORS } from "./registry.ts";
import type { Detector } from "./types.ts";

/** A NANP phone or an SSN with as few separators as its pattern allows, alone in its digit run. */
const NANP_AND_SSN_WITH_FEWEST_SEPARATORS = [
  "212-555-0199",
  "212.555.0199",
  "212 555 0199",
  "(212)555-0199",
  "078-05-1120",
  "call 212-555-0199, ssn 078-05-1120.",
];

const texts = [
  ...ALL_FIXTURES.flatMap((f) => [...f.positives.map((p) => unmark(p).text), ...f.negatives]),
  ...cleanCorpus().map((d) => d.text),
  // Edges of a run: text start/end, non-ASCII neighbours, separators only, runs split by letters.
  "4111111111111111",
  "é4111 1111 1111 1111é",
  "(555) 123-4567 x +1 212 555 0199 ( ) - . + 123-45-6789",
  "ab4111111111111111cd 078-05-1120a 4111-1111-1111-1111",
  "+44 20 7946 0958+4420794609581 1-800-555-0199.",
  // IBAN-shaped runs: at a text edge, after a letter, grouped, split by lower-case, exactly 14 characters long.
  "DE89370400440532013000 xDE89370400440532013000 GB82 WEST 1234 5698 7654 32",
  "NL91ABNA0417164300",
  "NO93 8601 1117947aGB82WEST12345698765432 AB12 CDEF GHIJ é FR1420041010050500013M02606",
  "1234567 1234567 12345678 (((((((( 1-2-3-4-5-6-7-8 +1 2 3 4 5 6 7 8",
  // Separator minimums (SSN, NANP: two): runs holding exactly two, one, or none.
  ...NANP_AND_SSN_WITH_FEWEST_SEPARATORS,
  "2125550199 212555-0199 212-5550199 078051120 07805-1120 078-051120 (212)5550199",
];

describe("run-gated detectors", () => {
  it("find exactly what a full-text pass of the same pattern finds", () => {
    const gated = ALL_DETECTORS.filter((d) => runOf(d.pattern) !== undefined);
    assert.ok(gated.length >= 4, `only ${gated.length} run-gated detectors`);
    const dense = texts.join("\n");
    for (const d of gated) {
      // A fresh RegExp carries no run mark, so this engine scans the whole text.
      const plain = createEngineFor([{ ...d, pattern: new RegExp(d.pattern.source, d.pattern.flags) }]);
      const fast = createEngineFor([d]);
      for (const text of [...texts, dense]) {
        assert.deepEqual(fast.scan(text), plain.scan(text), `${d.id} on ${JSON.stringify(text.slice(0, 80))}`);
      }
    }
  });

  it("do not skip a run holding exactly the separators a match needs", () => {
    const engine = createEngineFor(ALL_DETECTORS.filter((d) => d.id === "phone-nanp" || d.id === "us-ssn"));
    for (const text of NANP_AND_SSN_WITH_FEWEST_SEPARATORS) {
      const found = engine.scan(text).map((s) => text.slice(s.start, s.end));
      assert.ok(found.length > 0, JSON.stringify(text));
      for (const value of found) assert.equal(value.replace(/[0-9]/g, "").length >= 2, true, value);
    }
  });

  it("find the same spans when mixed with every other detector", () => {
    const marked = createEngineFor(ALL_DETECTORS);
    const plain = createEngineFor(
      ALL_DETECTORS.map((d) =>
        runOf(d.pattern) === undefined ? d : { ...d, pattern: new RegExp(d.pattern.source, d.pattern.flags) },
      ),
    );
    for (const text of [...texts, texts.join("\n")]) assert.deepEqual(marked.scan(text), plain.scan(text));
  });

  it("find the same spans when the engine has more run classes than the keyword pass builds bitmaps for", () => {
    // Two synthetic classes on top of the two real ones: the third and fourth are found by a separate bitmap pass.
    const synthetic = (id: string, chars: RegExp, pattern: RegExp, min: number): Detector => ({
      id,
      category: "pii",
      description: "test only",
      keywords: [],
      defaultEnabled: true,
      pattern: withinRun(pattern, { chars, counted: chars, min, first: chars, notAfter: chars }),
    });
    const hex = synthetic("hex-run", /[0-9a-f]/, /(?<![0-9a-f])[0-9a-f]{20,40}/g, 20);
    const lower = synthetic("lower-run", /[a-z]/, /(?<![a-z])[a-z]{12,30}(?![a-z])/g, 12);
    const gated = [...ALL_DETECTORS.filter((d) => runOf(d.pattern) !== undefined), hex, lower];
    const marked = createEngineFor(gated);
    const plain = createEngineFor(gated.map((d) => ({ ...d, pattern: new RegExp(d.pattern.source, d.pattern.flags) })));
    for (const text of [...texts, texts.join("\n"), "deadbeef".repeat(9), "abcdefghijklmnopqrstuvwxyz0123"]) {
      assert.deepEqual(marked.scan(text), plain.scan(text), JSON.stringify(text.slice(0, 80)));
    }
  });
});
