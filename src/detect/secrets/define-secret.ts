// Builds a secret Detector from its data: fills the category and the default-enabled flag.
import type { Detector } from "../types.ts";

export type SecretSpec = Omit<Detector, "category" | "defaultEnabled"> & { readonly defaultEnabled?: boolean };

export function defineSecret(spec: SecretSpec): Detector {
  return { ...spec, category: "secret", defaultEnabled: spec.defaultEnabled ?? true };
}
