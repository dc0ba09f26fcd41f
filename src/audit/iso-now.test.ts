// isoNow caches the string per millisecond: it must still be the current time, in toISOString's exact format.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isoNow } from "./iso-now.ts";

test("is the current time in toISOString format, never going back", async () => {
  let previous = "";
  for (let i = 0; i < 200; i++) {
    const before = Date.now();
    const iso = isoNow();
    const after = Date.now();
    assert.match(iso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ms = Date.parse(iso);
    assert.ok(ms >= before && ms <= after, `${iso} outside [${before}, ${after}]`);
    assert.ok(iso >= previous);
    previous = iso;
    if (i % 50 === 0) await new Promise((r) => setTimeout(r, 2));
  }
});
