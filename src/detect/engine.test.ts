// Engine behaviour: options, overlap resolution, offsets of capture groups, windowed scanning of long texts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { anchorOf } from "./anchor.ts";
import { createDetectorEngine, createEngineFor, findSecrets, OVERLAP, WINDOW } from "./engine.ts";
import { cleanCorpus } from "./fixtures/clean-corpus.ts";
import { checksummedToken } from "./fixtures/fake.ts";
import { unmark } from "./fixtures/fixture.ts";
import { ALL_FIXTURES } from "./fixtures/index.ts";
import { resolveOverlaps } from "./overlaps.ts";
import { ALL_DETECTORS } from "./registry.ts";
import { defineSecret } from "./secrets/define-secret.ts";

const token = checksummedToken("ghp_", "engine-test"); // fake, checksum-valid
const cand = (detector: string, start: number, end: number, order = 0) => ({
  detector,
  category: "secret" as const,
  start,
  end,
  order,
});

describe("createDetectorEngine options", () => {
  it("enables default detectors only, and IP detectors on request", () => {
    const ids = createDetectorEngine().detectors.map((d) => d.id);
    assert.ok(ids.includes("github-classic-pat") && ids.includes("email"));
    assert.ok(!ids.includes("ipv4") && !ids.includes("ipv6"));
    const withIp = createDetectorEngine({ enable: ["ipv4"] }).detectors.map((d) => d.id);
    assert.ok(withIp.includes("ipv4"));
    assert.deepEqual(createDetectorEngine({ enable: ["ipv4"] }).scan("host 10.1.2.3 up"), [
      { detector: "ipv4", category: "pii", start: 5, end: 13 },
    ]);
  });

  it("filters by category and disables by id", () => {
    const secrets = createDetectorEngine({ categories: ["secret"] });
    assert.ok(secrets.detectors.every((d) => d.category === "secret"));
    assert.deepEqual(secrets.scan("mail me: jane@example.com"), []);
    const noGithub = createDetectorEngine({ disable: ["github-classic-pat", "generic-api-key"] });
    assert.deepEqual(noGithub.scan(`GITHUB_TOKEN=${token}`), []);
  });
});

describe("scan", () => {
  it("returns sorted, non-overlapping spans with exact offsets", () => {
    const text = `a=${token} b=jane@example.com c=${token}`;
    const spans = createDetectorEngine().scan(text);
    assert.deepEqual(
      spans.map((s) => [s.detector, text.slice(s.start, s.end)]),
      [
        ["github-classic-pat", token],
        ["email", "jane@example.com"],
        ["github-classic-pat", token],
      ],
    );
  });

  it("reports only the capture group of group-based detectors", () => {
    const text = "url=postgres://app:FAKEpw@db:5432/app";
    const [span] = createDetectorEngine().scan(text);
    assert.ok(span);
    assert.equal(span.detector, "postgres-connection-string");
    assert.equal(text.slice(span.start, span.end), "FAKEpw");
  });

  it("names a shared span after the specific detector, not the generic one", () => {
    const [span] = createDetectorEngine().scan(`api_key = "${token}"`);
    assert.equal(span?.detector, "github-classic-pat");
  });

  it("skips detectors whose keywords are absent (the prefilter is case-insensitive)", () => {
    let calls = 0;
    const probe = defineSecret({
      id: "probe",
      description: "counts validator calls",
      keywords: ["needle"],
      pattern: /x/g,
      validate: () => {
        calls++;
        return true;
      },
    });
    const engine = createEngineFor([probe]);
    engine.scan("x x x");
    assert.equal(calls, 0);
    assert.equal(engine.scan("NEEDLE x").length, 1);
  });

  it("finds a secret straddling a window boundary exactly once, with absolute offsets", () => {
    const start = WINDOW - 10;
    const text = `${"a ".repeat(start / 2)}${token} ${"b ".repeat(WINDOW / 2)}${token}`;
    const spans = createEngineFor(ALL_DETECTORS.filter((d) => d.id === "github-classic-pat")).scan(text);
    assert.deepEqual(
      spans.map((s) => s.start),
      [start, text.length - token.length],
    );
    assert.ok(OVERLAP > token.length);
  });
});

describe("resolveOverlaps", () => {
  it("keeps the longest, then the earliest, then the first-listed detector", () => {
    const spans = resolveOverlaps([
      cand("short", 5, 10),
      cand("long", 3, 20),
      cand("later-tie", 15, 32),
      cand("tie-b", 40, 50, 2),
      cand("tie-a", 40, 50, 1),
    ]);
    assert.deepEqual(
      spans.map((s) => s.detector),
      ["long", "tie-a"],
    );
  });

  it("keeps adjacent spans (end is exclusive)", () => {
    assert.equal(resolveOverlaps([cand("a", 0, 5), cand("b", 5, 9)]).length, 2);
  });
});

describe("findSecrets", () => {
  it("finds secrets and ignores PII", () => {
    const spans = findSecrets(`token ${token} for jane@example.com`);
    assert.deepEqual(
      spans.map((s) => s.detector),
      ["github-classic-pat"],
    );
  });
});

/** URLs with userinfo, the smallest each pattern accepts among them (fake credentials). */
const URLS_WITH_USERINFO = [
  "https://u:FAKEpw@host",
  "see http://user:FAKEpass@example.com/x",
  "postgres://:FAKEpw@db",
  "postgresql://app:FAKEpw@db:5432/app",
  "mongodb+srv://app:FAKEpw@cluster0.example.net",
  "REDIS://default:FAKEpw@cache:6379",
];

describe("keyword-anchored detectors", () => {
  const texts = [
    ...ALL_FIXTURES.flatMap((f) => [...f.positives.map((p) => unmark(p).text), ...f.negatives]),
    ...cleanCorpus().map((d) => d.text),
    // Edges of phone-e164's guard: text start and end, glued to a word or a "+", "+0", non-ASCII neighbours.
    "+14155550123 a+14155550123 ++14155550123 +04155550123 é+14155550123é _+14155550123 (+14155550123)",
    "+1",
    "x+",
    // Edges of the userinfo guard (URLs with credentials): empty parts, ports, spaces, non-ASCII, text end, long parts.
    ...URLS_WITH_USERINFO,
    "http://:FAKEpw@h postgres://:FAKEpw@db http://host:8080/path http://user@host http://user:@host https://us er:pw@h",
    "https://user:pé@host https://é:FAKEpw@host HTTPS://Up:Pw@H redis://: amqp://u:p mongodb+srv://",
    `http://${"u".repeat(300)}:FAKEpw@h postgres://${"u".repeat(256)}:FAKEpw@db http://u:${"p".repeat(257)}@h`,
  ];
  const dense = texts.join("\n");

  it("find every URL with userinfo (the userinfo guard rejects none)", () => {
    const engine = createDetectorEngine({ categories: ["secret"] });
    for (const url of URLS_WITH_USERINFO) assert.equal(engine.scan(url).length, 1, url);
  });

  it("find exactly what a full-text pass of the same pattern finds", () => {
    const anchored = ALL_DETECTORS.filter((d) => anchorOf(d.pattern));
    assert.ok(anchored.length > 40, `only ${anchored.length} anchored detectors`);
    for (const d of anchored) {
      // A fresh RegExp carries no anchor mark, so this engine scans the whole text.
      const plain = createEngineFor([{ ...d, pattern: new RegExp(d.pattern.source, d.pattern.flags) }]);
      const fast = createEngineFor([d]);
      for (const text of [...texts, dense]) {
        assert.deepEqual(fast.scan(text), plain.scan(text), `${d.id} on ${JSON.stringify(text.slice(0, 80))}`);
      }
    }
  });
});
