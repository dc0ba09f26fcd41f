// The catalogue of client discoverers, and matching a walked path to the client that reads it.
import { amazonq } from "./amazonq.ts";
import { claudeCode } from "./claude-code.ts";
import { claudeDesktop } from "./claude-desktop.ts";
import type { ClientSpec } from "./client-spec.ts";
import { cline } from "./cline.ts";
import { codex } from "./codex.ts";
import { continueDev } from "./continue.ts";
import { copilotCli } from "./copilot-cli.ts";
import { cursor } from "./cursor.ts";
import { gemini } from "./gemini.ts";
import { goose } from "./goose.ts";
import { kiro } from "./kiro.ts";
import { opencode } from "./opencode.ts";
import { vscode } from "./vscode.ts";
import { windsurf } from "./windsurf.ts";
import { zed } from "./zed.ts";

export const CLIENTS: readonly ClientSpec[] = [
  claudeDesktop,
  claudeCode,
  cursor,
  vscode,
  windsurf,
  codex,
  gemini,
  zed,
  cline,
  continueDev,
  goose,
  amazonq,
  kiro,
  opencode,
  copilotCli,
];

export function clientById(id: string): ClientSpec | undefined {
  return CLIENTS.find((c) => c.id === id);
}

/** The client reading `rel` (posix path relative to a scan root), by the longest matching project pattern. */
export function clientForPath(rel: string): ClientSpec | undefined {
  const segs = rel.split("/");
  let best: { spec: ClientSpec; len: number } | undefined;
  for (const spec of CLIENTS) {
    for (const pattern of spec.project) {
      const parts = pattern.split("/");
      if (parts.length > segs.length || (best && best.len >= parts.length)) continue;
      const tail = segs.slice(segs.length - parts.length);
      if (parts.every((p, i) => segmentMatches(p, tail[i] ?? ""))) best = { spec, len: parts.length };
    }
  }
  return best?.spec;
}

function segmentMatches(pattern: string, seg: string): boolean {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === seg;
  const pre = pattern.slice(0, star);
  const post = pattern.slice(star + 1);
  return seg.length >= pre.length + post.length && seg.startsWith(pre) && seg.endsWith(post);
}
