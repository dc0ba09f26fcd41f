// Cursor: .cursor/mcp.json (project) and ~/.cursor/mcp.json (user); expands ${env:VAR} and ${userHome}-style names.
import { defineClient, osJoin } from "./client-spec.ts";

export const cursor = defineClient({
  id: "cursor",
  name: "Cursor",
  project: [".cursor/mcp.json"],
  user: (env) => [osJoin(env, env.home, ".cursor", "mcp.json")],
  managed: () => [],
  containers: [["mcpServers"], ["servers"]],
  references: ["env-colon"],
  fixRef: (name) => `\${env:${name}}`,
});
