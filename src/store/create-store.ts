// Builds the WardenStore a policy's `store` section asks for (DESIGN.md "Policy file": file default, redis for replicas).
import { isAbsolute, resolve } from "node:path";
import type { Policy } from "../policy/schema.ts";
import { createFileStore } from "./file-store.ts";
import { createMemoryStore } from "./memory-store.ts";
import { createRedisStore } from "./redis-store.ts";
import type { WardenStore } from "./types.ts";

/** `baseDir` anchors a relative file-store path (the policy file's directory, so CLI and gateway agree). */
export async function createStore(config: Policy["store"], opts: { baseDir?: string } = {}): Promise<WardenStore> {
  switch (config.kind) {
    case "memory":
      return createMemoryStore();
    case "file":
      return createFileStore({
        path: isAbsolute(config.path) ? config.path : resolve(opts.baseDir ?? ".", config.path),
      });
    case "redis":
      return createRedisStore({ url: config.url, prefix: config.prefix });
  }
}
