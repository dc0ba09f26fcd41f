// shell-wrapper: servers started through `sh -c`/`cmd /c`/PowerShell, or piping a download into a shell
// (`curl … | sh`): the real command is hidden from review and from the other rules (CWE-78, CWE-494).
import { isShell, programName, rawArgv } from "../../argv.ts";
import type { RuleHit } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";

export const shellWrapper = defineConfigRule({
  meta: {
    id: "shell-wrapper",
    severity: "medium",
    title: "Server started through a shell",
    description:
      "The server's command is a shell (`bash -c`, `sh -c`, `cmd /c`, `powershell -Command`), or its command line pipes a download into a shell (`curl … | sh`).",
    rationale:
      "A shell string hides what really runs from review, from allowlists and from pinning checks, and expands variables and globs at launch. Piping a download into a shell runs unreviewed remote code every start (CWE-78, CWE-494).",
    fix: "Put the program in `command` and its arguments in `args` directly. Install scripts belong in setup, not in the server entry.",
    cwe: "CWE-78",
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const argv = rawArgv(server);
      const first = argv[0];
      if (!first) continue;
      // Bounded: the pipe pattern scans forward from each download word (quadratic only in this capped length).
      const joined = argv
        .map((t) => t.word)
        .join(" ")
        .slice(0, 16_384);
      const pipe =
        /\b(curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|]*\|\s*(sudo\s+)?(ba|z|da)?sh\b|\|\s*iex\b/i;
      if (pipe.test(joined)) {
        hits.push({ ...at(first), server: server.name, severity: "high", message: "pipes a download into a shell" });
      } else if (
        isShell(first.word) &&
        argv.some((t, i) => i > 0 && /^(-[a-z]*c|\/c|\/k|-command|-encodedcommand)$/i.test(t.word))
      ) {
        hits.push({
          ...at(first),
          server: server.name,
          message: `runs through the shell "${programName(first.word)}"`,
        });
      }
    }
    return hits;
  },
});

function at(token: { field: { node: RuleHit["node"]; path: RuleHit["path"] } }) {
  return { node: token.field.node, path: token.field.path };
}
