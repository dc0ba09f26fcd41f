// GitProbe over the git binary (execFile with an argv array, bounded time and output). Imported by the CLI only,
// so the scanner entry stays free of child_process.
import { execFile } from "node:child_process";
import { dirname } from "node:path";
import type { GitProbe } from "./types.ts";

const TIMEOUT_MS = 10_000;
const MAX_BUFFER = 64 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, windowsHide: true }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

export function gitCliProbe(): GitProbe {
  return {
    async tracked(root) {
      const out = await git(root, ["ls-files", "-z", "--full-name", "--", "."]);
      if (out === undefined) return undefined;
      const prefix = (await git(root, ["rev-parse", "--show-prefix"]))?.trim() ?? "";
      const files = out.split("\0").filter(Boolean);
      return new Set(files.map((f) => (prefix && f.startsWith(prefix) ? f.slice(prefix.length) : f)));
    },
    async everCommitted(file, needle) {
      // Pickaxe search over the whole history (`git log -S`), bounded by the timeout above.
      const out = await git(dirname(file), ["log", "--all", "--format=%H", "-n", "1", "-S", needle]);
      return out !== undefined && out.trim() !== "";
    },
  };
}
