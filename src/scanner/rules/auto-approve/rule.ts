// auto-approve: switches that let tools or servers run without the user's review (Claude Code
// enableAllProjectMcpServers, Gemini trust, Cline/Kiro autoApprove & alwaysAllow, Goose auto mode, VS Code chat
// auto-approve, Codex approval_policy=never). Human review is the last defence against prompt injection (CWE-862).
import { bool, type CNode, child, str } from "../../parsers/node.ts";
import type { RuleHit } from "../../types.ts";
import { defineConfigRule } from "../define-rule.ts";

export const autoApprove = defineConfigRule({
  meta: {
    id: "auto-approve",
    severity: "high",
    title: "Tool calls or servers approved automatically",
    description:
      'A client setting approves MCP servers or tool calls without asking: Claude Code `enableAllProjectMcpServers`, Gemini CLI `trust: true`, Cline/Kiro/Amazon Q `autoApprove`/`alwaysAllow`, Goose `GOOSE_MODE: auto`, VS Code `chat.tools.autoApprove`, Codex `approval_policy = "never"`.',
    rationale:
      "Confirmation is what stops a prompt-injected agent from calling a destructive tool. Auto-approval of a project's servers also lets a cloned repository start arbitrary commands (CWE-862).",
    fix: "Remove the switch; approve servers one by one and keep write tools behind confirmation (the gateway's `confirm` policy).",
    cwe: "CWE-862",
  },
  check({ config, servers }) {
    const hits: RuleHit[] = [];
    const root = config.root;
    const flag = (path: (string | number)[], message: string, node?: CNode) =>
      hits.push({ node: node ?? child(root, path[0] ?? ""), path, message });
    if (bool(child(root, "enableAllProjectMcpServers")) === true) {
      flag(
        ["enableAllProjectMcpServers"],
        "enableAllProjectMcpServers starts every server a repository's .mcp.json names",
      );
    }
    for (const [key, node] of root.props ?? []) {
      if (/^chat\.tools\.(global\.)?autoApprove$/.test(key) && (node.value === true || node.type === "object")) {
        flag([key], `${key} runs tools without confirmation`);
      }
    }
    if (/^auto$/i.test(str(child(root, "GOOSE_MODE")) ?? "")) flag(["GOOSE_MODE"], "Goose runs in auto mode");
    if (str(child(root, "approval_policy")) === "never") flag(["approval_policy"], "Codex never asks before acting");
    if (bool(child(root, "autoAccept")) === true) flag(["autoAccept"], "autoAccept approves tool calls without review");
    for (const server of servers) {
      if (bool(child(server.node, "trust")) === true) {
        hits.push({
          node: child(server.node, "trust"),
          path: [...server.path, "trust"],
          server: server.name,
          message: "trust: true skips every tool confirmation for this server",
        });
      }
      for (const key of ["autoApprove", "alwaysAllow"]) {
        const list = child(server.node, key);
        if (list?.type === "array" && (list.items?.length ?? 0) > 0) {
          hits.push({
            node: list,
            path: [...server.path, key],
            server: server.name,
            message: `${key} lets ${list.items?.length} tool(s) run without confirmation`,
          });
        }
      }
    }
    return hits;
  },
});
