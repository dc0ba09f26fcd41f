// Goose: ~/.config/goose/config.yaml `extensions` (cmd/args/envs, or uri); env values are literal.
import { appData, defineClient, osJoin, xdg } from "./client-spec.ts";

export const goose = defineClient({
  id: "goose",
  name: "Goose",
  project: [".goose/config.yaml", "goose/config.yaml"],
  user: (env) => [
    env.platform === "win32"
      ? osJoin(env, appData(env), "Block", "goose", "config", "config.yaml")
      : osJoin(env, xdg(env), "goose", "config.yaml"),
  ],
  managed: () => [],
  containers: [["extensions"]],
  references: [],
});
