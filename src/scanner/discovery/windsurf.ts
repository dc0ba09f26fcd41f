// Windsurf: ~/.codeium/windsurf/mcp_config.json; expands ${env:VAR} in command, args, env, serverUrl and headers.
import { defineClient, osJoin } from "./client-spec.ts";

export const windsurf = defineClient({
  id: "windsurf",
  name: "Windsurf",
  project: [".windsurf/mcp_config.json", ".codeium/windsurf/mcp_config.json", "mcp_config.json"],
  user: (env) => [osJoin(env, env.home, ".codeium", "windsurf", "mcp_config.json")],
  managed: () => [],
  containers: [["mcpServers"]],
  references: ["env-colon"],
  fixRef: (name) => `\${env:${name}}`,
});
