import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testPolicy } from "../guards/test-context.ts";
import { keyNamesTool, toolKeyFor, toolPolicyFor } from "./tool-key.ts";

const oneUpstream = { upstreams: { db: { command: "node" } } };
const twoUpstreams = { upstreams: { db: { command: "node" }, docs: { url: "https://docs.example/mcp" } } };

describe("toolPolicyFor", () => {
  it("resolves a qualified key", () => {
    const p = testPolicy({ ...twoUpstreams, tools: { "db/query": { scopes: ["a"] } } });
    assert.deepEqual(toolPolicyFor(p, "db", "query")?.scopes, ["a"]);
    assert.equal(toolPolicyFor(p, "docs", "query"), undefined);
  });

  it("resolves a bare key only when the policy has a single upstream (or none)", () => {
    const tools = { query: { scopes: ["bare"] } };
    assert.deepEqual(toolPolicyFor(testPolicy({ ...oneUpstream, tools }), "db", "query")?.scopes, ["bare"]);
    assert.deepEqual(toolPolicyFor(testPolicy({ tools }), "default", "query")?.scopes, ["bare"]);
    assert.equal(toolPolicyFor(testPolicy({ ...twoUpstreams, tools }), "db", "query"), undefined);
    // A single upstream that is not the one asked about: bare keys do not apply to it.
    assert.equal(toolPolicyFor(testPolicy({ ...oneUpstream, tools }), "other", "query"), undefined);
  });

  it("prefers the qualified key over the bare one", () => {
    const p = testPolicy({ ...oneUpstream, tools: { q: { scopes: ["bare"] }, "db/q": { scopes: ["qualified"] } } });
    assert.equal(toolKeyFor(p, "db", "q"), "db/q");
    assert.deepEqual(toolPolicyFor(p, "db", "q")?.scopes, ["qualified"]);
  });

  it("matches exactly: no case folding, normalisation or trimming", () => {
    const p = testPolicy({ ...oneUpstream, tools: { "db/Query": {}, café: {} } });
    for (const name of ["query", "QUERY", " Query", "Query ", "Query\u200b", "Ｑuery"]) {
      assert.equal(toolPolicyFor(p, "db", name), undefined, JSON.stringify(name));
    }
    assert.ok(toolPolicyFor(p, "db", "Query"));
    assert.ok(toolPolicyFor(p, "db", "café"));
    assert.equal(toolPolicyFor(p, "db", "cafe\u0301"), undefined, "NFD form is a different name");
  });

  it("never resolves prototype members", () => {
    const p = testPolicy({ ...oneUpstream });
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      assert.equal(toolPolicyFor(p, "db", name), undefined);
    }
  });
});

describe("keyNamesTool", () => {
  it("matches *, qualified keys, and bare keys with a single upstream", () => {
    const single = testPolicy(oneUpstream);
    const multi = testPolicy(twoUpstreams);
    assert.ok(keyNamesTool(single, "*", "db", "q"));
    assert.ok(keyNamesTool(multi, "db/q", "db", "q"));
    assert.ok(keyNamesTool(single, "q", "db", "q"));
    assert.equal(keyNamesTool(multi, "q", "db", "q"), false);
    assert.equal(keyNamesTool(single, "Q", "db", "q"), false);
    assert.equal(keyNamesTool(single, "docs/q", "db", "q"), false);
  });
});
