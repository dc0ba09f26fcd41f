// Contract test over every detector: registered once, documented, `g` flag, fixtures found and near misses not found.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createDetectorEngine, createEngineFor } from "./engine.ts";
import { unmark } from "./fixtures/fixture.ts";
import { ALL_FIXTURES } from "./fixtures/index.ts";
import { ALL_DETECTORS, SECRET_DETECTORS } from "./registry.ts";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("detector registry contract", () => {
  it("has at least 60 secret formats", () => {
    assert.ok(SECRET_DETECTORS.length >= 60, `only ${SECRET_DETECTORS.length} secret detectors`);
  });

  it("gives every detector a unique kebab-case id, a description, keywords of its case and the g flag", () => {
    const seen = new Set<string>();
    for (const d of ALL_DETECTORS) {
      assert.match(d.id, KEBAB, d.id);
      assert.ok(!seen.has(d.id), `duplicate id ${d.id}`);
      seen.add(d.id);
      assert.ok(d.description.length > 10, `${d.id}: description`);
      assert.ok(d.pattern.flags.includes("g"), `${d.id}: pattern lacks the g flag`);
      // Upper-case letters make a keyword exact-case: only a case-sensitive pattern may have one, holding it as is.
      const caseless = d.pattern.flags.includes("i");
      const literal = d.pattern.source.replace(/\\(.)/g, "$1");
      for (const k of d.keywords) {
        if (k === k.toLowerCase()) continue;
        assert.ok(!caseless && literal.includes(k), `${d.id}: exact-case keyword ${k} not in a case-sensitive pattern`);
      }
    }
  });

  it("has at least one positive and one negative fixture for every detector, and no orphan fixture", () => {
    const ids = new Set(ALL_DETECTORS.map((d) => d.id));
    const byId = new Map(ALL_FIXTURES.map((f) => [f.detector, f]));
    for (const f of ALL_FIXTURES) assert.ok(ids.has(f.detector), `fixture for unknown detector ${f.detector}`);
    assert.equal(byId.size, ALL_FIXTURES.length, "one fixture set per detector");
    for (const d of ALL_DETECTORS) {
      const f = byId.get(d.id);
      assert.ok(f, `${d.id}: no fixtures`);
      assert.ok(f.positives.length >= 1 && f.negatives.length >= 1, `${d.id}: needs positives and negatives`);
    }
  });
});

describe("detector fixtures", () => {
  for (const f of ALL_FIXTURES) {
    const detector = ALL_DETECTORS.find((d) => d.id === f.detector);
    if (!detector) continue;
    const alone = createEngineFor([detector]);
    it(`${f.detector}: finds exactly the marked values`, () => {
      for (const marked of f.positives) {
        const { text, spans } = unmark(marked);
        assert.ok(spans.length > 0, `${f.detector}: positive without ⟦⟧ mark: ${marked}`);
        const found = alone.scan(text).map((s) => [s.start, s.end]);
        assert.deepEqual(found, spans, `${f.detector} on ${JSON.stringify(text.slice(0, 120))}`);
      }
    });
    it(`${f.detector}: ignores near misses`, () => {
      for (const text of f.negatives) {
        assert.deepEqual(alone.scan(text), [], `${f.detector} on negative ${JSON.stringify(text.slice(0, 120))}`);
      }
    });
  }

  it("the full engine covers every marked value (possibly under a longer or earlier-listed detector)", () => {
    const engine = createDetectorEngine({ enable: ["ipv4", "ipv6"] });
    for (const f of ALL_FIXTURES) {
      for (const marked of f.positives) {
        const { text, spans } = unmark(marked);
        const found = engine.scan(text);
        for (const [start, end] of spans) {
          const cover = found.find((s) => s.start <= start && s.end >= end);
          assert.ok(cover, `${f.detector}: ${JSON.stringify(text.slice(start, end).slice(0, 40))} not covered`);
        }
      }
    }
  });
});
