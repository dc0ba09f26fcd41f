// Contract test: docs/errors.md is exactly what scripts/gen-docs.ts generates from ERROR_CODES.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ERRORS_DOC, renderErrorsDoc } from "../../scripts/gen-docs.ts";
import { ERROR_CODES } from "../../src/errors.ts";

test("docs/errors.md is in step with ERROR_CODES (regenerate: node --import tsx scripts/gen-docs.ts)", () => {
  assert.equal(readFileSync(ERRORS_DOC, "utf8"), renderErrorsDoc());
});

test("every code appears in docs/errors.md", () => {
  const doc = readFileSync(ERRORS_DOC, "utf8");
  for (const code of Object.keys(ERROR_CODES)) assert.ok(doc.includes(`\`${code}\``), code);
});
