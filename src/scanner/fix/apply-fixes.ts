// --fix placeholder: replaced below by the real implementation.
import type { Finding, GitProbe } from "../types.ts";

export async function applyFixes(_findings: readonly Finding[], _git: GitProbe | undefined): Promise<string[]> {
  return ["--fix: not implemented yet"];
}
