// Benchmarks time mcp-warden as users run it: the built package (dist/, `npm run bench` builds it first), typed by its
// sources. Not src/ through tsx: its on-the-fly transform wraps functions in naming helpers, which cost 15-20% of the
// HTTP gateway's CPU per call (measured with --cpu-prof and /proc on the same machine), a cost no installed
// mcp-warden pays. `path` is relative to dist/, e.g. "detect/engine.js".
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const DIST = resolve(import.meta.dirname, "../dist");

export function fromDist<T>(path: string): Promise<T> {
  return import(pathToFileURL(join(DIST, path)).href) as Promise<T>;
}
