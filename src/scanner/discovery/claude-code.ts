// Claude Code: project .mcp.json, ~/.claude.json (top level and per project), managed-mcp.json, settings files.
// It expands ${VAR} and ${VAR:-default} in command, args, env, url and headers (not ${env:VAR}).
import { defineClient, osJoin } from "./client-spec.ts";

export const claudeCode = defineClient({
  id: "claude-code",
  name: "Claude Code",
  project: [".mcp.json", ".claude/settings.json", ".claude/settings.local.json"],
  user: (env) => [
    osJoin(env, env.home, ".claude.json"),
    osJoin(env, env.home, ".claude", "settings.json"),
    osJoin(env, env.home, ".claude", "settings.local.json"),
  ],
  managed: (env) => {
    const dir =
      env.platform === "darwin"
        ? "/Library/Application Support/ClaudeCode"
        : env.platform === "win32"
          ? "C:\\ProgramData\\ClaudeCode"
          : "/etc/claude-code";
    return [osJoin(env, dir, "managed-mcp.json"), osJoin(env, dir, "managed-settings.json")];
  },
  containers: [["mcpServers"], ["projects", "*", "mcpServers"]],
  references: ["dollar-brace"],
  fixRef: (name) => `\${${name}}`,
});
