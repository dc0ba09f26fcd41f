// The entropy measure with memoised terms returns exactly the double of its definition (validators compare it with
// thresholds, so a last-bit difference could flip a finding).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fake } from "../fixtures/fake.ts";
import { charClasses, shannonEntropy } from "./entropy.ts";

/** The definition, as measured before the terms were memoised: -Σ p·log2(p), ASCII by first occurrence, then the rest. */
function definition(value: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) counts.set(value.charCodeAt(i), (counts.get(value.charCodeAt(i)) ?? 0) + 1);
  const ordered = [...counts].sort(([a], [b]) => Number(a >= 128) - Number(b >= 128));
  let bits = 0;
  for (const [, count] of ordered) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

describe("shannonEntropy", () => {
  it("is exactly the definition, for every length memoised and past it, ASCII or not", () => {
    const alphabets = [
      "ab",
      "0123456789abcdef",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
      "aé€ b",
    ];
    for (let length = 0; length <= 300; length++) {
      for (const [k, alphabet] of alphabets.entries()) {
        const value = fake(alphabet, length, `random-${length * 7 + k}`);
        assert.equal(shannonEntropy(value), definition(value), JSON.stringify(value));
      }
    }
    // Thresholds the validators use, reached exactly: 16 chars, four twice and eight once, is 3.5 bits.
    assert.equal(shannonEntropy("aabbccddefghijkl"), 3.5);
    assert.equal(shannonEntropy("aaaa"), 0);
  });

  it("leaves no count behind for the next value", () => {
    shannonEntropy("zzzzzzzz");
    assert.equal(shannonEntropy("z"), 0);
    assert.equal(shannonEntropy("yz"), 1);
  });
});

describe("charClasses", () => {
  it("counts lower, upper, digit and other", () => {
    assert.equal(charClasses("abc"), 1);
    assert.equal(charClasses("aB3-"), 4);
  });
});
