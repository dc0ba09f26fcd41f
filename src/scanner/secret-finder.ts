// The literal-secret rule's format-based detection: the shared detector engine (src/detect), secrets only.
import { createDetectorEngine } from "../detect/engine.ts";
import type { SecretFinder } from "./types.ts";

export function defaultSecretFinder(): SecretFinder {
  const engine = createDetectorEngine({ categories: ["secret"] });
  return (text) => engine.scan(text);
}
