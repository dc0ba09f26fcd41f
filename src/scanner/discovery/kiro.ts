// Kiro: .kiro/settings/mcp.json (workspace) and ~/.kiro/settings/mcp.json (user); expands ${VAR}.
import { defineClient, osJoin } from "./client-spec.ts";

export const kiro = defineClient({
  id: "kiro",
  name: "Kiro",
  project: [".kiro/settings/mcp.json"],
  user: (env) => [osJoin(env, env.home, ".kiro", "settings", "mcp.json")],
  managed: () => [],
  containers: [["mcpServers"]],
  references: ["dollar-brace"],
  fixRef: (name) => `\${${name}}`,
});
