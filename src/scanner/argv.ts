// The effective command line of a server entry, unwrapping launchers seen in real configs:
// `cmd /c npx …`, `env VAR=x cmd …`, `bash -lc "exec npx …"`, absolute paths and `.cmd`/`.exe` suffixes.
import type { Field, ServerEntry } from "./types.ts";

export interface Token {
  /** The word, with path and .cmd/.exe removed for the program position. */
  word: string;
  raw: string;
  field: Field;
}

const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ash", "fish", "cmd", "powershell", "pwsh"]);
const MAX_WORDS = 256;

export function programName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? word;
  return base.replace(/\.(cmd|exe|bat|ps1)$/i, "").toLowerCase();
}

/** Raw argv: command then args, each token pointing at the field it came from. */
export function rawArgv(server: ServerEntry): Token[] {
  const fields = server.command ? [server.command, ...server.args] : [...server.args];
  const out: Token[] = [];
  for (const field of fields) {
    // A whole command line in `command` ("npx -y pkg") is split the way the client's shell would, roughly.
    const words = field === server.command && /\s/.test(field.value.trim()) ? splitWords(field.value) : [field.value];
    for (const w of words) out.push({ word: w, raw: w, field });
  }
  return out.slice(0, MAX_WORDS);
}

/** Argv with launchers peeled off: the program that really runs first. */
export function effectiveArgv(server: ServerEntry): Token[] {
  let argv = rawArgv(server);
  for (let guard = 0; guard < 4 && argv.length > 0; guard++) {
    const next = unwrap(argv);
    if (next === argv) break;
    argv = next;
  }
  return argv;
}

function unwrap(argv: Token[]): Token[] {
  const prog = programName(argv[0]?.word ?? "");
  if (prog === "env") {
    let i = 1;
    while (i < argv.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]?.word ?? "") || argv[i]?.word.startsWith("-")))
      i++;
    return argv.slice(i);
  }
  if (prog === "cmd" && /^\/[ck]$/i.test(argv[1]?.word ?? "")) return argv.slice(2);
  if (SHELLS.has(prog)) {
    const flagAt = argv.findIndex((t, i) => i > 0 && /^-[a-z]*c$/i.test(t.word));
    const script = flagAt > 0 ? argv[flagAt + 1] : undefined;
    if (!script) return argv;
    const words = splitWords(script.word).filter((w) => w !== "exec");
    return words.map((w) => ({ word: w, raw: w, field: script.field }));
  }
  return argv;
}

/** Whitespace split honouring simple quotes; no expansion (we only need the words). */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 8192).matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  return out;
}

export function isShell(word: string): boolean {
  return SHELLS.has(programName(word));
}
