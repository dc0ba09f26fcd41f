// OpenAI Codex: config.toml `[mcp_servers.<name>]`; TOML values are never expanded (env_vars/bearer_token_env_var
// name variables instead), so any ${…} is literal text.
import { defineClient, osJoin } from "./client-spec.ts";

export const codex = defineClient({
  id: "codex",
  name: "OpenAI Codex",
  project: [".codex/config.toml"],
  user: (env) => [osJoin(env, env.home, ".codex", "config.toml")],
  managed: (env) => (env.platform === "win32" ? [] : ["/etc/codex/config.toml"]),
  containers: [["mcp_servers"]],
  references: [],
});
