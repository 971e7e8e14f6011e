import { readFileSync } from "fs";
import { draftFromText } from "/work/wt/draft/src/draft/draftText";
const d = draftFromText(readFileSync(process.argv[2]!, "utf8"));
const { goals, ...rest } = d.contract;
console.log(JSON.stringify(rest));
for (const g of goals)
  console.log(
    g.id,
    "|",
    g.area,
    "|",
    g.group,
    "|",
    g.section,
    "|",
    g.centres.join(","),
    "|",
    g.excluded?.join(","),
    "\n   ",
    g.text.slice(0, 80),
    "\n   ",
    JSON.stringify(g.measure),
    g.note ? "\n    NOTE " + g.note : "",
  );
for (const r of d.review) console.log("R", r.goalId, r.line, r.reason);
