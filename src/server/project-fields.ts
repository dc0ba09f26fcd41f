// Field projection: return only the fields a tool declares (minimal responses, CWE-213), with the gateway's
// projection (src/guards/projection.ts) so both faces keep exactly the same fields.
import { fieldTree, projectValue } from "../guards/projection.ts";

/** Keeps only `fields` (dotted paths such as "orders.id"); arrays are traversed element by element. */
export function projectFields(data: unknown, fields: readonly string[]): unknown {
  return projectValue(data, fieldTree(fields)).value;
}
