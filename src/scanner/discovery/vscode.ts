// VS Code: .vscode/mcp.json (`servers`, `inputs`), user mcp.json, and the `mcp` key of settings.json.
// Values may use ${env:VAR} and ${input:id} (VS Code variables reference).
import { codeUserDir, defineClient, osJoin } from "./client-spec.ts";

export const vscode = defineClient({
  id: "vscode",
  name: "VS Code",
  project: [".vscode/mcp.json", ".vscode/settings.json"],
  user: (env) => [osJoin(env, codeUserDir(env), "mcp.json"), osJoin(env, codeUserDir(env), "settings.json")],
  managed: () => [],
  containers: [["servers"], ["mcp", "servers"], ["mcpServers"]],
  references: ["env-colon", "input"],
  fixRef: (name) => `\${env:${name}}`,
});
