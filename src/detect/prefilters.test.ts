// The engine's prefilter building blocks agree with naive definitions: keyword occurrences (lower-case indexOf),
// character runs (a walk over every character), and the assignment guard (the pattern itself).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asciiBytes } from "./ascii-bytes.ts";
import { charRuns, runClassTable } from "./char-runs.ts";
import { createEngineFor } from "./engine.ts";
import { cleanCorpus } from "./fixtures/clean-corpus.ts";
import { fake } from "./fixtures/fake.ts";
import { createKeywordIndex, positionLimit } from "./keyword-index.ts";
import { memberBits, pairMembership } from "./member-bits.ts";
import { genericApiKey, genericPassword } from "./secrets/generic.ts";

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

describe("keyword index", () => {
  it("finds exactly the ASCII case-insensitive occurrences of every keyword, and the exact ones of exact-case keywords", () => {
    const keywords = ["@", "+", "ac", "api", "secret", "-----begin ", "token", "q~", "sk-ant-api", "AC", "SK", "AIza"];
    const index = createKeywordIndex(keywords);
    const mixed = fake("aApPiI@+-~qQsSkKcCzZ ", 5000, "random-7");
    for (const text of [...texts, mixed, "ACac aC Ac AC SKsk AIZA aiza AIza éAC\u00c1C"]) {
      const hits = index.find(text, asciiBytes(text));
      // Only ASCII letters fold (as in a non-unicode /i RegExp), so fold them alone.
      const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
      index.keywords.forEach((k, id) => {
        const expected: number[] = [];
        const haystack = /[A-Z]/.test(k) ? text : lower;
        for (let at = haystack.indexOf(k); at >= 0; at = haystack.indexOf(k, at + 1)) expected.push(at);
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
    { chars: /[A-Za-z0-9 ]/, counted: /[0-9]/, min: 40 },
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

  it("are the maximal runs holding the minimum, at any offset and across bitmap words", () => {
    const random = [1, 2, 3, 4, 5].map((seed) => fake("0123456789 ()+-.ABZ x\n", 3000 + seed, `random-${seed}`));
    const long = ["1".repeat(31), "1".repeat(32), "1".repeat(33), "1".repeat(70), "A1 ".repeat(40), "1 ".repeat(40)];
    const shifted = long.flatMap((run) => [0, 1, 5, 30, 31, 32, 33].map((pad) => `${"x".repeat(pad)}${run}x${run}`));
    const tables = classes.map(({ chars, counted }) => runClassTable(chars, counted));
    // Bitmaps of the counted characters: the members of a class made of them alone.
    const countedTables = classes.map(({ counted }) => runClassTable(counted, counted));
    const groups = (all: Uint8Array[]) => [pairMembership(all.slice(0, 2)), pairMembership(all.slice(2, 4))];
    const [memberships, countedMemberships] = [groups(tables), groups(countedTables)];
    for (const text of [...texts, ...random, ...shifted, "1".repeat(8), " 1234567890123", "12345678".repeat(3)]) {
      const { bytes, quads } = asciiBytes(text);
      const bitmapsOf = (ms: Uint16Array[], slot: number) =>
        ms.flatMap((m, group) => memberBits(quads, text.length, m, slot + 3 * group).map((b) => b.slice()));
      const maps = bitmapsOf(memberships, 0);
      const countedMaps = bitmapsOf(countedMemberships, 6);
      classes.forEach(({ chars, counted, min }, c) => {
        const expected = naiveRuns(text, chars, counted, min);
        const [members, table] = [maps[c] as Int32Array, tables[c] as Uint8Array];
        const where = `${chars} in ${JSON.stringify(text.slice(0, 40))}`;
        assert.deepEqual(charRuns(members, undefined, bytes, text.length, table, min), expected, where);
        assert.deepEqual(charRuns(members, countedMaps[c], bytes, text.length, table, min), expected, where);
      });
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
      // The value after the operator (its minimum length is checked): "=>" and ":=" or their first character alone,
      // up to three spaces and a quote, exactly the minimum, non-ASCII spaces and characters.
      `api_key=>${value}`,
      `api_key:=${value}`,
      `api_key:==${value}`,
      `api_key=>  '${value}'`,
      `api_key:   "${value}"`,
      `api_key=${value.slice(0, 16)}`,
      `secret:\u00a0\u00a0${value}`,
      `secret=é${value.slice(0, 15)}`,
      `secret: é${value}`,
      `apiKey:void 0,token:t.type,secret:!1,api_key=${value.slice(0, 15)},token="${value.slice(0, 15)}"`,
      `api_key:    ${value} token=`,
      "token=",
    ];
    for (const detector of [genericApiKey, genericPassword]) {
      const fast = createEngineFor([detector]);
      const plain = createEngineFor([
        { ...detector, pattern: new RegExp(detector.pattern.source, detector.pattern.flags) },
      ]);
      const passwords = forms.map((f) => f.replace(/api_key|apiKey|secret|token/g, "password"));
      for (const text of [...forms, ...passwords, forms.join("\n"), forms.join(" ")]) {
        assert.deepEqual(fast.scan(text), plain.scan(text), `${detector.id}: ${JSON.stringify(text)}`);
      }
    }
    const fast = createEngineFor([genericApiKey]);
    assert.ok(fast.scan(forms[0] ?? "").length === 1);
    // The shortest value the pattern takes, and the longest it does not.
    assert.equal(fast.scan(`api_key=${value.slice(0, 16)}`).length, 1);
    assert.equal(fast.scan(`api_key=${value.slice(0, 15)}`).length, 0);
  });
});
