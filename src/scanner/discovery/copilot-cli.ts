// GitHub Copilot CLI: ~/.copilot/mcp-config.json `mcpServers`; env values may reference ${VAR}.
import { defineClient, osJoin } from "./client-spec.ts";

export const copilotCli = defineClient({
  id: "copilot-cli",
  name: "GitHub Copilot CLI",
  project: [".copilot/mcp-config.json"],
  user: (env) => [osJoin(env, env.home, ".copilot", "mcp-config.json")],
  managed: () => [],
  containers: [["mcpServers"]],
  references: ["dollar-brace"],
  fixRef: (name) => `\${${name}}`,
});
