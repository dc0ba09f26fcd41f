// Builds the WardenStore a policy's `store` section asks for (DESIGN.md "Policy file": file default, redis for replicas).
import type { Policy } from "../policy/schema.ts";
import { createFileStore } from "./file-store.ts";
import { createMemoryStore } from "./memory-store.ts";
import { createRedisStore } from "./redis-store.ts";
import type { WardenStore } from "./types.ts";

export async function createStore(config: Policy["store"]): Promise<WardenStore> {
  switch (config.kind) {
    case "memory":
      return createMemoryStore();
    case "file":
      return createFileStore({ path: config.path });
    case "redis":
      return createRedisStore({ url: config.url, prefix: config.prefix });
  }
}
