// Builds a PII Detector from its data: fills the category and the default-enabled flag.
import type { Detector } from "../types.ts";

export type PiiSpec = Omit<Detector, "category" | "defaultEnabled"> & { readonly defaultEnabled?: boolean };

export function definePii(spec: PiiSpec): Detector {
  return { ...spec, category: "pii", defaultEnabled: spec.defaultEnabled ?? true };
}
