// Upstream selection of the CLI contract (DESIGN.md "CLI"): a command after `--` is the upstream, named by
// --upstream (default "default"); otherwise the policy's upstream named by --upstream, or its only upstream.
import { UsageError } from "../errors.ts";
import { isStdioUpstream, type Policy, type UpstreamConfig, upstreamSchema } from "../policy/schema.ts";

export interface SelectedUpstream {
  name: string;
  config: UpstreamConfig;
}

export function selectUpstream(policy: Policy, flag: string | undefined, command: readonly string[]): SelectedUpstream {
  if (command.length > 0) {
    const name = flag ?? "default";
    const declared = policy.upstreams[name];
    // A policy entry of the same name still supplies env, cwd and restart behaviour for the given command.
    const base = declared && isStdioUpstream(declared) ? declared : upstreamSchema.parse({ command: command[0] });
    return { name, config: { ...base, command: command[0]!, args: command.slice(1) } };
  }
  const names = Object.keys(policy.upstreams);
  if (flag !== undefined) {
    const config = policy.upstreams[flag];
    if (!config)
      throw new UsageError(`no upstream named "${flag}" in the policy (known: ${names.join(", ") || "none"})`);
    return { name: flag, config };
  }
  if (names.length === 1) return { name: names[0]!, config: policy.upstreams[names[0]!]! };
  if (names.length === 0) {
    throw new UsageError(
      "the policy declares no upstream: give the server command after --, e.g. gateway -- node server.js",
    );
  }
  throw new UsageError(`the policy declares several upstreams (${names.join(", ")}): choose one with --upstream NAME`);
}
