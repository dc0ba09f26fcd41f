// `mcp-warden explain RULE_ID`: prints a scanner rule's documentation (the same text as docs/rules/<id>.md).
import type { Command } from "commander";
import { UsageError } from "../../errors.ts";
import { RULES, ruleById } from "../../scanner/rules/catalogue.ts";
import { ruleDoc } from "../../scanner/rules/rule-doc.ts";
import { EXIT } from "../exit-codes.ts";
import { writeOut } from "../output.ts";
import type { CommandResult } from "./index.ts";

export function register(program: Command, result: CommandResult): void {
  program
    .command("explain")
    .description("print the documentation of a scan rule")
    .argument("<rule-id>", "a rule id, e.g. literal-secret")
    .action((id: string) => {
      const rule = ruleById(id);
      if (!rule) throw new UsageError(`unknown rule "${id}"; rules: ${RULES.map((r) => r.meta.id).join(", ")}`);
      writeOut(ruleDoc(rule.meta));
      result.code = EXIT.OK;
    });
}
