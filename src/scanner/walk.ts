// Walks a tree for scanning: every file path (posix, relative), skipping VCS folders, dependencies and build output.
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const SKIP_DIRS = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "dist",
  "build",
  "out",
  "target",
  "coverage",
  ".next",
  ".nuxt",
  ".turbo",
  ".cache",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  "vendor",
  ".terraform",
]);

/** Bounds: a scan of an unexpectedly huge tree stops instead of exhausting memory. */
export const MAX_WALK_FILES = 500_000;
const MAX_DEPTH = 40;

export async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  await visit(root, "", 0, out);
  return out;
}

async function visit(abs: string, rel: string, depth: number, out: string[]): Promise<void> {
  if (depth > MAX_DEPTH || out.length >= MAX_WALK_FILES) return;
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(abs, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to scan there
  }
  const dirs: Promise<void>[] = [];
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) dirs.push(visit(join(abs, entry.name), childRel, depth + 1, out));
    } else if (entry.isFile() && out.length < MAX_WALK_FILES) out.push(childRel);
  }
  await Promise.all(dirs);
}
