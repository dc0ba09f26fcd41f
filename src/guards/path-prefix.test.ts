import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { insidePrefixes, normalizePrefix } from "./path-prefix.ts";

const data = [normalizePrefix("/data")];

// Independent oracle: resolve segments by hand (POSIX: empty and "." vanish, ".." pops, never above the root).
function resolvedSegments(path: string): string[] {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out;
}

describe("insidePrefixes", () => {
  it("accepts paths inside a prefix", () => {
    for (const p of [
      "/data",
      "/data/",
      "/data/a.txt",
      "/data/./a",
      "/data//a//b",
      "/data/a/../b",
      "/data/..data",
      "/data/a..b",
    ]) {
      assert.equal(insidePrefixes(p, data), true, p);
    }
  });

  it("refuses traversal, siblings, other absolute paths and relative paths", () => {
    for (const p of [
      "/data/../etc/passwd",
      "/data/a/../../etc",
      "/data-evil/x",
      "/data-evil",
      "/dat",
      "/etc/passwd",
      "/",
      "data/a",
      "./data/a",
      "../data/a",
      "~/data",
      "",
      "//data/../etc",
    ]) {
      assert.equal(insidePrefixes(p, data), false, p);
    }
  });

  it("refuses encodings another layer could decode into a traversal", () => {
    for (const p of [
      "/data/%2e%2e/etc/passwd",
      "/data/%2E%2E%2Fetc",
      "/data/a%2fb",
      "/data/\u0000/x",
      "/data/a\nb",
      "/data/..\\..\\etc",
      "/data/\uff0e\uff0e/etc", // fullwidth full stops
      "/data/\u2024\u2024/etc", // one-dot leaders
      "/data/a\uff0fb", // fullwidth solidus
      "/data/\u2025/etc", // two-dot leader (NFKC: "..")
    ]) {
      assert.equal(insidePrefixes(p, data), false, JSON.stringify(p));
    }
    assert.equal(insidePrefixes("/data/café/ünïcode.txt", data), true, "ordinary non-ASCII names are fine");
  });

  it("handles several prefixes and trailing slashes in them", () => {
    const prefixes = ["/srv/share/", "/data/"].map(normalizePrefix);
    assert.equal(insidePrefixes("/srv/share/x", prefixes), true);
    assert.equal(insidePrefixes("/srv/shared/x", prefixes), false);
    assert.equal(insidePrefixes("/data/x", prefixes), true);
  });

  it("never admits a path that resolves outside the prefix (fuzz)", () => {
    const segment = fc.constantFrom(
      "data",
      "data-evil",
      "..",
      ".",
      "",
      "etc",
      "x",
      "%2e%2e",
      "%2E",
      "\uff0e\uff0e",
      "\u2024\u2024",
      "\u2025",
      "..\\..",
      "a\u0000",
      "\u00e9",
    );
    const pathArb = fc
      .tuple(fc.constantFrom("/", "", "//", "./", "~/"), fc.array(segment, { maxLength: 8 }))
      .map(([lead, segs]) => lead + segs.join("/"));
    fc.assert(
      fc.property(pathArb, (p) => {
        if (!insidePrefixes(p, data)) return;
        assert.ok(p.startsWith("/"), "only absolute paths");
        assert.equal(resolvedSegments(p)[0], "data", `resolves outside: ${JSON.stringify(p)}`);
        for (const variant of [safeDecode(p), p.normalize("NFKC"), p.replaceAll("\\", "/")]) {
          assert.equal(resolvedSegments(variant)[0], "data", `a decoded form escapes: ${JSON.stringify(p)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
