// Continue: config.yaml `mcpServers` (a list) and .continue/mcpServers/*.yaml; expands ${{ secrets.NAME }}.
import { defineClient, osJoin } from "./client-spec.ts";

export const continueDev = defineClient({
  id: "continue",
  name: "Continue",
  project: [
    ".continue/config.yaml",
    ".continue/config.json",
    ".continue/mcpServers/*.yaml",
    ".continue/mcpServers/*.yml",
    ".continue/mcpServers/*.json",
  ],
  user: (env) => [osJoin(env, env.home, ".continue", "config.yaml"), osJoin(env, env.home, ".continue", "config.json")],
  managed: () => [],
  containers: [["mcpServers"], ["experimental", "modelContextProtocolServers"]],
  references: ["continue-secret"],
});
