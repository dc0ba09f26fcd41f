// Amazon Q Developer: .amazonq/mcp.json (workspace) and ~/.aws/amazonq/mcp.json (global); no variable expansion.
import { defineClient, osJoin } from "./client-spec.ts";

export const amazonq = defineClient({
  id: "amazonq",
  name: "Amazon Q Developer",
  project: [".amazonq/mcp.json", ".amazonq/default.json"],
  user: (env) => [osJoin(env, env.home, ".aws", "amazonq", "mcp.json")],
  managed: () => [],
  containers: [["mcpServers"]],
  references: [],
});
