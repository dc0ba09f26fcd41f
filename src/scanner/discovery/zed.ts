// Zed: `context_servers` in .zed/settings.json (project) and the user settings.json; values are not expanded.
import { appData, defineClient, osJoin, xdg } from "./client-spec.ts";

export const zed = defineClient({
  id: "zed",
  name: "Zed",
  project: [".zed/settings.json"],
  user: (env) => [
    env.platform === "win32"
      ? osJoin(env, appData(env), "Zed", "settings.json")
      : osJoin(env, xdg(env), "zed", "settings.json"),
  ],
  managed: () => [],
  containers: [["context_servers"]],
  references: [],
});
