// Gemini CLI: .gemini/settings.json (project), ~/.gemini/settings.json (user), system settings (managed);
// expands $VAR and ${VAR} in settings values.
import { defineClient, osJoin } from "./client-spec.ts";

export const gemini = defineClient({
  id: "gemini",
  name: "Gemini CLI",
  project: [".gemini/settings.json"],
  user: (env) => [osJoin(env, env.home, ".gemini", "settings.json")],
  managed: (env) => [
    env.platform === "darwin"
      ? "/Library/Application Support/GeminiCli/settings.json"
      : env.platform === "win32"
        ? "C:\\ProgramData\\gemini-cli\\settings.json"
        : "/etc/gemini-cli/settings.json",
  ],
  containers: [["mcpServers"]],
  references: ["dollar-brace", "dollar"],
  fixRef: (name) => `\${${name}}`,
});
