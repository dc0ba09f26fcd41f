// False-positive contract: default-enabled detectors find nothing in clean, real-looking text.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { createDetectorEngine } from "./engine.ts";
import { cleanCorpus } from "./fixtures/clean-corpus.ts";

const engine = createDetectorEngine();

function describeFindings(text: string, spans: ReturnType<typeof engine.scan>): string {
  return spans
    .slice(0, 5)
    .map((s) => `${s.detector}: ${JSON.stringify(text.slice(Math.max(0, s.start - 20), s.end + 5))}`)
    .join("\n");
}

describe("clean corpus", () => {
  for (const doc of cleanCorpus()) {
    it(`${doc.name} (${Math.round(doc.text.length / 1024)} KiB): no findings`, () => {
      const spans = engine.scan(doc.text);
      assert.equal(spans.length, 0, describeFindings(doc.text, spans));
    });
  }

  it("this repository's own package-lock.json: no findings", () => {
    const text = readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8");
    const spans = engine.scan(text);
    assert.equal(spans.length, 0, describeFindings(text, spans));
  });
});
