// Which package a runner (npx, pnpm dlx, yarn dlx, bunx, uvx, pipx run, deno run npm:) fetches, and whether the
// spec pins an exact version. Unpinned runners execute whatever the registry serves today (CWE-494, CWE-1357).
import { programName, type Token } from "../../argv.ts";

export interface PackageRun {
  runner: string;
  token: Token;
  spec: string;
  ecosystem: "npm" | "pypi";
}

/** Options that take a value, per runner, so the value is not mistaken for the package. */
const VALUE_FLAGS = new Set([
  "-p",
  "--package",
  "--from",
  "--registry",
  "--cache",
  "--python",
  "--with",
  "--index-url",
  "-c",
  "--call",
]);

export function findPackageRun(argv: readonly Token[]): PackageRun | undefined {
  const prog = programName(argv[0]?.word ?? "");
  const second = argv[1]?.word;
  if (prog === "npx" || prog === "bunx") return firstPositional(prog, argv, 1, "npm");
  if ((prog === "pnpm" || prog === "yarn") && second === "dlx") return firstPositional(`${prog} dlx`, argv, 2, "npm");
  if (prog === "npm" && second === "exec") return firstPositional("npm exec", argv, 2, "npm");
  if (prog === "bun" && second === "x") return firstPositional("bunx", argv, 2, "npm");
  if (prog === "uvx") return firstPositional("uvx", argv, 1, "pypi");
  if (prog === "uv" && second === "tool" && argv[2]?.word === "run")
    return firstPositional("uv tool run", argv, 3, "pypi");
  if (prog === "pipx" && second === "run") return firstPositional("pipx run", argv, 2, "pypi");
  if (prog === "deno" && second === "run") {
    const token = argv.find((t) => t.word.startsWith("npm:"));
    if (token) return { runner: "deno run", token, spec: token.word.slice(4), ecosystem: "npm" };
  }
  return undefined;
}

function firstPositional(runner: string, argv: readonly Token[], from: number, ecosystem: "npm" | "pypi") {
  // `--package X` / `--from X` name the package explicitly: that is the spec that matters.
  for (let i = from; i < argv.length; i++) {
    const w = argv[i]?.word ?? "";
    const eq = /^--(package|from)=(.+)$/.exec(w);
    if (eq?.[2]) return { runner, token: argv[i] as Token, spec: eq[2], ecosystem };
    if ((w === "-p" || w === "--package" || w === "--from") && argv[i + 1]) {
      const token = argv[i + 1] as Token;
      return { runner, token, spec: token.word, ecosystem };
    }
  }
  for (let i = from; i < argv.length; i++) {
    const token = argv[i] as Token;
    if (token.word === "--") continue;
    if (token.word.startsWith("-")) {
      if (VALUE_FLAGS.has(token.word)) i++;
      continue;
    }
    return { runner, token, spec: token.word, ecosystem };
  }
  return undefined;
}

const EXACT_SEMVER = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Undefined when pinned; otherwise why not. */
export function unpinnedReason(spec: string, ecosystem: "npm" | "pypi"): string | undefined {
  if (/^(\.{0,2}\/|[A-Za-z]:\\|file:)/.test(spec)) return undefined; // local path: nothing fetched
  if (/^(git\+|github:|https?:|git:)/.test(spec)) {
    return /#[0-9a-f]{40}$/.test(spec) ? undefined : "is fetched from a URL or git ref without a commit hash";
  }
  if (ecosystem === "pypi") {
    const m = /(?:==|@)([^=@\s]+)$/.exec(spec);
    if (!m?.[1]) return "has no version";
    return /^latest$/i.test(m[1]) || !/^\d/.test(m[1]) ? `uses a moving version "${m[1]}"` : undefined;
  }
  const at = spec.lastIndexOf("@");
  if (at <= 0) return "has no version";
  const version = spec.slice(at + 1);
  if (version === "latest") return 'uses "@latest"';
  return EXACT_SEMVER.test(version) ? undefined : `uses a range or tag "${version}" instead of an exact version`;
}
