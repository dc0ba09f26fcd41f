// Compiled JSON Schema 2020-12 validators for upstream inputSchemas: one ajv instance, validators cached per
// schema (identity first, then a canonical-JSON hash), bounded LRU so a server that churns definitions cannot
// grow memory without bound (CWE-400).
import { createHash } from "node:crypto";
import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { canonicalJson } from "../audit/canonical.ts";
import { addLinearFormats } from "./linear-formats.ts";
import { linearRegExpEngine } from "./linear-pattern.ts";

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Schema = Record<string, unknown>;
type Entry = { ok: true; validate: ValidateFunction; source: Schema } | { ok: false; error: Error; source: Schema };

export interface SchemaValidators {
  /** The validator for `schema`; throws the (cached) compile error for a schema ajv refuses. */
  get(schema: Schema): ValidateFunction;
  /** The validator for a bare `{ type: "string", format }` schema (policy `format` constraints). */
  format(name: string): ValidateFunction;
  /** Compiles ajv's meta-schema now (~0.1–0.5 s) instead of on the first tools/call; call at start-up. */
  warm(): void;
  readonly size: number;
}

export interface SchemaValidatorsOptions {
  /** Most validators kept (LRU). */
  max?: number;
  /**
   * Largest schema compiled, in bytes of canonical JSON. ajv compiles synchronously, a few ms per branch, so
   * an absurd upstream schema would stall every session; larger ones fail closed. Real tool schemas are a few KiB.
   */
  maxSchemaBytes?: number;
}

export function createSchemaValidators(opts: SchemaValidatorsOptions = {}): SchemaValidators {
  const max = opts.max ?? 500;
  const maxSchemaBytes = opts.maxSchemaBytes ?? 65_536;
  const ajv = new Ajv2020({
    // Upstream schemas use keywords and formats we do not know; unknown ones are ignored, not errors.
    strict: false,
    allErrors: false,
    // An upstream-chosen $id must never be registered: two tools (or sessions) sharing an $id would clash.
    addUsedSchema: false,
    // Unknown upstream formats and keywords are expected; ajv must not write warnings to our stderr.
    logger: false,
    code: { regExp: linearRegExpEngine },
  });
  addFormats(ajv);
  addLinearFormats(ajv);
  const byIdentity = new WeakMap<Schema, Entry>();
  const byHash = new Map<string, Entry>();

  function compile(schema: Schema, canonicalBytes: number): Entry {
    if (canonicalBytes > maxSchemaBytes) {
      return {
        ok: false,
        error: new Error(`inputSchema is ${canonicalBytes} bytes (limit ${maxSchemaBytes})`),
        source: {},
      };
    }
    // Draft-07 `$schema` URIs (common from zod-to-json-schema) are not loaded in a 2020-12 instance; the
    // keywords MCP tools use mean the same in both, so the schema is read as 2020-12 (MCP 2025-11-25 default).
    const { $schema: _ignored, ...body } = schema;
    try {
      return { ok: true, validate: ajv.compile(body), source: body };
    } catch (err) {
      ajv.removeSchema(body);
      return { ok: false, error: err instanceof Error ? err : new Error(String(err)), source: body };
    }
  }

  function lookup(schema: Schema): Entry {
    const known = byIdentity.get(schema);
    if (known !== undefined) return known;
    const canonical = canonicalJson(schema);
    const key = createHash("sha256").update(canonical).digest("base64");
    let entry = byHash.get(key);
    if (entry === undefined) {
      entry = compile(schema, canonical.length);
      if (byHash.size >= max) evictOldest();
    } else {
      byHash.delete(key); // re-insert below: Map order is the LRU order
    }
    byHash.set(key, entry);
    byIdentity.set(schema, entry);
    return entry;
  }

  function evictOldest(): void {
    const oldest = byHash.keys().next();
    if (oldest.done) return;
    const entry = byHash.get(oldest.value);
    byHash.delete(oldest.value);
    if (entry !== undefined) ajv.removeSchema(entry.source); // ajv caches compiled schemas by object
  }

  const formats = new Map<string, ValidateFunction>();
  return {
    get(schema) {
      const entry = lookup(schema);
      if (!entry.ok) throw entry.error;
      return entry.validate;
    },
    format(name) {
      let v = formats.get(name);
      if (v === undefined) {
        v = ajv.compile({ type: "string", format: name });
        formats.set(name, v);
      }
      return v;
    },
    warm() {
      ajv.compile({ type: "object" });
    },
    get size() {
      return byHash.size;
    },
  };
}
