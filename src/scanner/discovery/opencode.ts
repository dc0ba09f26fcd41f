// opencode: opencode.json(c) `mcp` (local: command array + environment; remote: url + headers); expands {env:VAR}.
import { defineClient, osJoin, xdg } from "./client-spec.ts";

export const opencode = defineClient({
  id: "opencode",
  name: "opencode",
  project: ["opencode.json", "opencode.jsonc", ".opencode/opencode.json"],
  user: (env) => [
    osJoin(env, xdg(env), "opencode", "opencode.json"),
    osJoin(env, xdg(env), "opencode", "opencode.jsonc"),
  ],
  managed: () => [],
  containers: [["mcp"]],
  references: ["brace-env"],
  fixRef: (name) => `{env:${name}}`,
});
