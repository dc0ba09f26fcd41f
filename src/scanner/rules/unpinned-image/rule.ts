// unpinned-image: `docker run` of an image referenced by tag instead of digest (tags are mutable, CWE-494).
import { effectiveArgv } from "../../argv.ts";
import { findDockerRun } from "../../docker-run.ts";
import type { RuleHit } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";

export const unpinnedImage = defineConfigRule({
  meta: {
    id: "unpinned-image",
    severity: "medium",
    title: "Container image without a digest",
    description:
      "The server runs a container image referenced by a tag (or no tag, meaning :latest) instead of an immutable @sha256 digest.",
    rationale:
      "Tags are mutable: whoever controls the registry repository can replace the image the next time it is pulled, and the agent runs it (CWE-494).",
    fix: "Reference the image by digest: `ghcr.io/org/server@sha256:<digest>` (keep the tag as a comment for humans), and allowlist that digest in the policy.",
    cwe: "CWE-494",
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const run = findDockerRun(effectiveArgv(server));
      const image = run?.image;
      if (!image || /@sha256:[0-9a-f]{64}$/.test(image.word) || image.word.startsWith("$")) continue;
      hits.push({
        node: image.field.node,
        path: image.field.path,
        server: server.name,
        message: `image "${image.word}" is not pinned by digest (@sha256:…); its tag can be moved`,
      });
    }
    return hits;
  },
});
