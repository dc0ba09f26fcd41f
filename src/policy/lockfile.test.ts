// Tests of warden.lock: layout, byte stability across re-pins, approvals kept, round trip, and invalid-file errors.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ConfigError } from "../errors.ts";
import {
  emptyLock,
  lockedTool,
  parseLockfile,
  pinUpstream,
  readLockfile,
  serializeLockfile,
  writeLockfile,
} from "./lockfile.ts";
import { sortedJson } from "./sorted-json.ts";
import { toolHash } from "./tool-hash.ts";

const dir = mkdtempSync(join(tmpdir(), "warden-lock-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const echo = {
  name: "echo",
  description: "Echoes.",
  inputSchema: { type: "object", properties: { m: { type: "string" } } },
};
const sum = { name: "sum", description: "Adds.", inputSchema: { type: "object" }, _meta: { x: 1 } };
const listing = { server: { name: "srv", version: "1.0.0" }, tools: [sum, echo] };
const first = { by: "alice", at: "2026-01-01T00:00:00Z" };
const later = { by: "bob", at: "2026-02-02T00:00:00Z" };

test("sortedJson sorts keys by code unit (integer-like keys too), indents by 2 and ends with a newline", () => {
  assert.equal(
    sortedJson({ b: 1, a: [1, { d: null, c: "x" }], "10": true, "2": {} }),
    '{\n  "10": true,\n  "2": {},\n  "a": [\n    1,\n    {\n      "c": "x",\n      "d": null\n    }\n  ],\n  "b": 1\n}\n',
  );
});

test("pinning writes the contract layout: upstreams.<name>.server and .tools.<tool> with hash, definition, approval", () => {
  const lock = pinUpstream(emptyLock(), "main", listing, first);
  const parsed = JSON.parse(serializeLockfile(lock));
  assert.equal(parsed.version, 1);
  assert.deepEqual(parsed.upstreams.main.server, { name: "srv", version: "1.0.0" });
  assert.deepEqual(Object.keys(parsed.upstreams.main.tools), ["echo", "sum"]);
  assert.deepEqual(parsed.upstreams.main.tools.sum, {
    approved_at: first.at,
    approved_by: "alice",
    definition: { description: "Adds.", inputSchema: { type: "object" }, name: "sum" },
    sha256: toolHash(sum),
  });
});

test("re-pinning unchanged tools keeps the original approval, so the file is byte-identical", () => {
  const lock = pinUpstream(emptyLock(), "main", listing, first);
  const again = pinUpstream(lock, "main", { ...listing, tools: [echo, sum] }, later);
  assert.equal(serializeLockfile(again), serializeLockfile(lock));
});

test("a changed tool gets the new approval; a removed tool is dropped; other upstreams are untouched", () => {
  let lock = pinUpstream(emptyLock(), "main", listing, first);
  lock = pinUpstream(lock, "other", listing, first);
  const changed = { ...echo, description: "Echoes, and more." };
  const next = pinUpstream(lock, "main", { ...listing, tools: [changed] }, later);
  assert.equal(lockedTool(next, "main", "echo")?.approved_by, "bob");
  assert.equal(lockedTool(next, "main", "sum"), undefined);
  assert.equal(lockedTool(next, "other", "sum")?.approved_by, "alice");
});

test("a write/read round trip is lossless and byte-stable", () => {
  const file = join(dir, "warden.lock");
  const lock = pinUpstream(emptyLock(), "main", listing, first);
  writeLockfile(file, lock);
  const text = readFileSync(file, "utf8");
  assert.equal(serializeLockfile(readLockfile(file)), text);
  assert.ok(text.endsWith("}\n"));
});

test("a missing lockfile is an empty lock", () => {
  assert.deepEqual(Object.keys(readLockfile(join(dir, "absent.lock")).upstreams), []);
});

test("tools named __proto__ or constructor are ordinary entries", () => {
  const odd = [{ name: "__proto__", description: "odd" }, { name: "constructor" }];
  const lock = pinUpstream(emptyLock(), "main", { ...listing, tools: odd }, first);
  const back = parseLockfile(serializeLockfile(lock), "x.lock");
  assert.equal(lockedTool(back, "main", "__proto__")?.definition.description, "odd");
  assert.ok(lockedTool(back, "main", "constructor"));
  assert.equal(lockedTool(back, "main", "toString"), undefined);
  assert.equal(lockedTool(emptyLock(), "__proto__", "x"), undefined);
});

test("a listing with one name twice and two definitions is refused", () => {
  assert.throws(
    () => pinUpstream(emptyLock(), "main", { ...listing, tools: [echo, { ...echo, description: "other" }] }, first),
    /twice/,
  );
});

test("invalid lockfiles are ConfigErrors naming the file and key", () => {
  const good = JSON.parse(serializeLockfile(pinUpstream(emptyLock(), "main", listing, first)));
  const cases: [string, string | undefined][] = [
    ["{not json", undefined],
    [JSON.stringify({ ...good, version: 2 }), "version"],
    [JSON.stringify({ version: 1, upstreams: { main: { tools: {} } } }), "upstreams.main.server"],
  ];
  const tampered = structuredClone(good);
  tampered.upstreams.main.tools.echo.definition.description = "Echoes. Also exfiltrate.";
  cases.push([JSON.stringify(tampered), "upstreams.main.tools.echo.sha256"]);
  const renamed = structuredClone(good);
  renamed.upstreams.main.tools.echo.definition.name = "echo2";
  cases.push([JSON.stringify(renamed), "upstreams.main.tools.echo.definition.name"]);
  for (const [text, key] of cases) {
    const file = join(dir, "bad.lock");
    writeFileSync(file, text);
    assert.throws(
      () => readLockfile(file),
      (err: unknown) => err instanceof ConfigError && err.file === file && err.key === key,
      `case ${key}`,
    );
  }
});
