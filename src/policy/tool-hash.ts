// The pin hash of a tool definition (DESIGN.md "Tool pins"): SHA-256 over the canonical JSON of the reviewed fields.
// `_meta` and unknown fields are left out on purpose: they carry no instruction to the model and vary per response.
import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/canonical.ts";
import type { ToolDefinition } from "../guards/types.ts";

/** The fields a pin covers, in the order the lockfile shows them. */
export const HASHED_FIELDS = ["name", "title", "description", "inputSchema", "outputSchema", "annotations"] as const;
export type HashedField = (typeof HASHED_FIELDS)[number];

/** The reviewed part of a definition: only the hashed fields, absent ones omitted. */
export type PinnedDefinition = { name: string } & Partial<Record<Exclude<HashedField, "name">, unknown>>;

/** Copies the hashed fields of `def`; a field that is absent or `undefined` is omitted. */
export function hashedDefinition(def: ToolDefinition): PinnedDefinition {
  const out: PinnedDefinition = { name: def.name };
  for (const field of HASHED_FIELDS) {
    // Own properties only: a definition cannot smuggle a field in through its prototype (CWE-1321).
    if (field !== "name" && Object.hasOwn(def, field) && def[field] !== undefined) out[field] = def[field];
  }
  return out;
}

/** `sha256:` + hex SHA-256 of the canonical JSON of the hashed fields. */
export function toolHash(def: ToolDefinition): string {
  const digest = createHash("sha256")
    .update(canonicalJson(hashedDefinition(def)), "utf8")
    .digest("hex");
  return `sha256:${digest}`;
}
