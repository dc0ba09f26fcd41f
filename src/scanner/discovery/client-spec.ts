// What a discoverer knows about one MCP client: its files per scope and OS, where servers live, what it expands.
import { join, win32 } from "node:path";
import type { ClientId } from "../types.ts";

/** Reference syntaxes a client may expand inside config values. */
export type RefSyntax =
  | "dollar-brace" // ${VAR}, ${VAR:-default}
  | "dollar" // $VAR
  | "env-colon" // ${env:VAR}
  | "input" // ${input:id} (VS Code inputs)
  | "brace-env" // {env:VAR} (opencode)
  | "continue-secret"; // ${{ secrets.NAME }}

export interface HomeEnv {
  home: string;
  platform: NodeJS.Platform;
  /** %APPDATA% on Windows. */
  appData?: string;
  /** $XDG_CONFIG_HOME or ~/.config. */
  xdgConfig?: string;
}

export interface ClientSpec {
  id: ClientId;
  name: string;
  /** Project-scope files, relative posix paths matched against the end of a walked path; `*` is one segment part. */
  project: string[];
  user(env: HomeEnv): string[];
  managed(env: HomeEnv): string[];
  /** Paths of the objects (or arrays) holding server entries; `*` matches any key. */
  containers: string[][];
  references: RefSyntax[];
  /** The reference --fix writes, or undefined when the client cannot reference environment variables. */
  fixRef?: (name: string) => string;
}

export function defineClient(spec: ClientSpec): ClientSpec {
  return spec;
}

/** Joins with the separator of the target OS, so Windows paths come out right when tested on Linux. */
export function osJoin(env: HomeEnv, ...parts: string[]): string {
  return env.platform === "win32" ? win32.join(...parts) : join(...parts);
}

export function appData(env: HomeEnv): string {
  return env.appData ?? osJoin(env, env.home, "AppData", "Roaming");
}

export function xdg(env: HomeEnv): string {
  return env.xdgConfig ?? osJoin(env, env.home, ".config");
}

/** The VS Code-family user folder (`Code/User`) per OS. */
export function codeUserDir(env: HomeEnv, product = "Code"): string {
  if (env.platform === "darwin") return osJoin(env, env.home, "Library", "Application Support", product, "User");
  if (env.platform === "win32") return osJoin(env, appData(env), product, "User");
  return osJoin(env, xdg(env), product, "User");
}
