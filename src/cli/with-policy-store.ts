// Runs a CLI action with the policy loaded (--policy, $WARDEN_POLICY, ./warden.yaml) and its state store open, and
// closes the store afterwards: the commands that share state with the gateway (tokens, approvals) all need this.
import { type LoadedPolicy, loadPolicy, resolvePolicyFile } from "../policy/load.ts";
import { createStore } from "../store/create-store.ts";
import type { WardenStore } from "../store/types.ts";

export async function withPolicyStore<T>(
  policyFlag: string | undefined,
  fn: (loaded: LoadedPolicy, store: WardenStore) => Promise<T>,
): Promise<T> {
  const loaded = await loadPolicy(resolvePolicyFile(policyFlag));
  const store = await createStore(loaded.policy.store, { baseDir: loaded.dir });
  try {
    return await fn(loaded, store);
  } finally {
    await store.close();
  }
}
