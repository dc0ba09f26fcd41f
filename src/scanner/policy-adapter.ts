// The scan's view of warden.yaml: the scan.allow list, scan.environments and the policy's environment.
import type { Policy } from "../policy/schema.ts";
import type { ScanPolicy } from "./types.ts";

export function scanPolicyOf(policy: Policy): ScanPolicy {
  const allow = policy.scan?.allow?.map((entry) => {
    const out: ScanPolicy["allow"] extends (infer T)[] | undefined ? T : never = {};
    if (entry.name !== undefined) out.name = entry.name;
    if (entry.argv !== undefined) out.argv = entry.argv;
    if (entry.package !== undefined) out.package = entry.package;
    if (entry.image !== undefined) out.image = entry.image;
    if (entry.url_prefix !== undefined) out.url_prefix = entry.url_prefix;
    return out;
  });
  return { environment: policy.environment, allow, environments: policy.scan?.environments ?? {} };
}
