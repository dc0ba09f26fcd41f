// Cline (VS Code extension): cline_mcp_settings.json in the extension's global storage; no variable expansion.
import { codeUserDir, defineClient, osJoin } from "./client-spec.ts";

export const cline = defineClient({
  id: "cline",
  name: "Cline",
  project: ["cline_mcp_settings.json"],
  user: (env) => [
    osJoin(env, codeUserDir(env), "globalStorage", "saoudrizwan.claude-dev", "settings", "cline_mcp_settings.json"),
  ],
  managed: () => [],
  containers: [["mcpServers"]],
  references: [],
});
