import { lintSource } from "@secretlint/core";
import { creator } from "@secretlint/secretlint-rule-preset-recommend";
import { ALL_FIXTURES } from "./src/detect/fixtures/index.ts";
import { unmark } from "./src/detect/fixtures/fixture.ts";
const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: creator }] };
for (const f of ALL_FIXTURES) {
  const out: string[] = [];
  for (const p of f.positives) {
    const { text, spans } = unmark(p);
    const r = await lintSource({ source: { content: text, filePath: "/virtual/x.txt", contentType: "text" }, options: { config, noPhysicFilePath: true } });
    out.push(r.messages.map((m) => `${m.ruleId.replace("@secretlint/secretlint-rule-", "")}[${m.range[0]},${m.range[1]}]vs[${spans[0]}]`).join(",") || "-");
  }
  console.log(f.detector, out.join(" | "));
}
