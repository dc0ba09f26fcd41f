// Claude Desktop: claude_desktop_config.json (user scope only); it expands no variables in server entries.
import { appData, defineClient, osJoin, xdg } from "./client-spec.ts";

export const claudeDesktop = defineClient({
  id: "claude-desktop",
  name: "Claude Desktop",
  project: ["claude_desktop_config.json"],
  user: (env) => [
    env.platform === "darwin"
      ? osJoin(env, env.home, "Library", "Application Support", "Claude", "claude_desktop_config.json")
      : env.platform === "win32"
        ? osJoin(env, appData(env), "Claude", "claude_desktop_config.json")
        : osJoin(env, xdg(env), "Claude", "claude_desktop_config.json"),
  ],
  managed: () => [],
  containers: [["mcpServers"]],
  references: [],
});
