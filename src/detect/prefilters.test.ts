// The engine's prefilter building blocks agree with naive definitions: keyword occurrences (lower-case indexOf),
// character runs (a walk over every character), and the assignment guard (the pattern itself).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asciiBytes } from "./ascii-bytes.ts";
import { charRuns, runClassTable } from "./char-runs.ts";
import { createEngineFor } from "./engine.ts";
import { cleanCorpus } from "./fixtures/clean-corpus.ts";
import { createKeywordIndex, positionLimit } from "./keyword-index.ts";
import { genericApiKey } from "./secrets/generic.ts";

const edgeTexts = [
  "",
  "@",
  "x@",
  "API",
  "ApI_kEy=1 api",
  "é@api é+1 Ω-----BEGIN x",
  "\u0130\u0131api\u212aey secret",
  "token".repeat(400),
];
const texts = [...edgeTexts, ...cleanCorpus().map((d) => d.text)];

/** A deterministic pseudo-random text over `alphabet`. */
function randomText(seed: number, length: number, alphabet: string): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += alphabet[(x >>> 8) % alphabet.length];
  }
  return out;
}

describe("keyword index", () => {
  it("finds exactly the ASCII case-insensitive occurrences of every keyword", () => {
    const keywords = ["@", "+", "ac", "api", "secret", "-----begin ", "token", "q~", "sk-ant-api"];
    const index = createKeywordIndex(keywords);
    for (const text of [...texts, randomText(7, 5000, "aApPiI@+-~qQsSkK ")]) {
      const hits = index.find(text, asciiBytes(text));
      // Only ASCII letters fold (as in a non-unicode /i RegExp), so fold them alone.
      const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
      index.keywords.forEach((k, id) => {
        const expected: number[] = [];
        for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) expected.push(at);
        const positions = hits.positions(id);
        const limit = positionLimit(text.length);
        assert.equal(hits.counts[id], Math.min(expected.length, limit + 1), k);
        assert.equal(positions === undefined, expected.length > limit, k);
        if (positions) assert.deepEqual(positions, expected, `${k} in ${JSON.stringify(text.slice(0, 40))}`);
      });
    }
  });
});

describe("character runs", () => {
  const classes = [
    { chars: /[0-9 ().+-]/, counted: /[0-9]/, min: 8 },
    { chars: /[A-Z0-9 ]/, counted: /[A-Z0-9 ]/, min: 14 },
    { chars: /[0-9]/, counted: /[0-9]/, min: 1 },
  ];

  function naiveRuns(text: string, chars: RegExp, counted: RegExp, min: number): number[] {
    const runs: number[] = [];
    let start = 0;
    let count = 0;
    for (let i = 0; i <= text.length; i++) {
      const ch = text[i] ?? "";
      // Non-ASCII characters are masked to 7 bits by asciiBytes: a run may only grow through them.
      const masked = String.fromCharCode(text.charCodeAt(i) & 127);
      if (i < text.length && chars.test(text.charCodeAt(i) < 128 ? ch : masked)) {
        if (counted.test(text.charCodeAt(i) < 128 ? ch : masked)) count++;
        continue;
      }
      if (count >= min) runs.push(start, i, count);
      start = i + 1;
      count = 0;
    }
    return runs;
  }

  it("are the maximal runs holding the minimum, whatever the sampling phase", () => {
    const random = [1, 2, 3, 4, 5].map((seed) => randomText(seed, 3000 + seed, "0123456789 ()+-.ABZ x\n"));
    for (const { chars, counted, min } of classes) {
      const table = runClassTable(chars, counted);
      for (const text of [...texts, ...random, "1".repeat(min), ` ${"1".repeat(min)}`, "12345678".repeat(3)]) {
        const { bytes } = asciiBytes(text);
        assert.deepEqual(charRuns(bytes, text.length, table, min), naiveRuns(text, chars, counted, min));
      }
    }
  });
});

describe("assignment guard (anchored generic-api-key)", () => {
  it("never rejects an assignment the pattern matches", () => {
    const value = "FAKEq8Zr2LmN4vX7pK9tW3sJ"; // fake, high-entropy
    const forms = [
      `api_key=${value}`,
      `API-KEY: ${value}`,
      `"apiKey"  :  "${value}"`,
      `secret_token => '${value}'`,
      `client.secret.name.x := ${value}`,
      `access_token\u00a0=\u00a0${value}`,
      `auth_token\t\t\t=${value}`,
      `token\u2003:\u2003"${value}"`,
      `token    =${value}`,
      `token é= ${value}`,
    ];
    const fast = createEngineFor([genericApiKey]);
    const plain = createEngineFor([
      { ...genericApiKey, pattern: new RegExp(genericApiKey.pattern.source, genericApiKey.pattern.flags) },
    ]);
    for (const text of [...forms, forms.join("\n"), forms.join(" ")]) {
      assert.deepEqual(fast.scan(text), plain.scan(text), JSON.stringify(text));
    }
    assert.ok(fast.scan(forms[0] ?? "").length === 1);
  });
});
