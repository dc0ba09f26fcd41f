// The verified-token memory: a hit only for the exact token, never past exp + skew or the maximum age, bounded size.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createVerifiedTokenCache } from "./verified-token-cache.ts";

const T0 = 1_800_000_000_000;

test("serves the exact token only, until exp + skew", () => {
  let clock = T0;
  const cache = createVerifiedTokenCache({ skewMs: 5000, now: () => clock });
  const payload = { sub: "a", exp: T0 / 1000 + 20 };
  cache.set("tok-a", payload);
  assert.equal(cache.get("tok-a"), payload);
  assert.equal(cache.get("tok-a "), undefined);
  assert.equal(cache.get("tok-b"), undefined);
  clock = T0 + 24_999;
  assert.equal(cache.get("tok-a"), payload);
  clock = T0 + 25_000;
  assert.equal(cache.get("tok-a"), undefined);
});

test("forgets a long-lived token after a minute, so a withdrawn signing key stops it soon", () => {
  let clock = T0;
  const cache = createVerifiedTokenCache({ skewMs: 0, now: () => clock });
  cache.set("tok", { sub: "a", exp: T0 / 1000 + 86_400 });
  clock = T0 + 59_999;
  assert.ok(cache.get("tok"));
  clock = T0 + 60_000;
  assert.equal(cache.get("tok"), undefined);
});

test("a payload without exp is not remembered; the size is bounded (oldest dropped)", () => {
  const cache = createVerifiedTokenCache({ skewMs: 0, now: () => T0 });
  cache.set("no-exp", { sub: "a" });
  assert.equal(cache.get("no-exp"), undefined);
  for (let i = 0; i < 5000; i++) cache.set(`t${i}`, { sub: "a", exp: T0 / 1000 + 60 });
  assert.equal(cache.get("t0"), undefined);
  assert.ok(cache.get("t4999"));
});
