// Proves the lint rules we rely on actually fire with this repository's eslint.config.mjs (a
// template's React lint setup once silently checked nothing). Runs the ESLint Node API
// (ESLint#lintText) on small fixtures placed under src/. It runs in one child Node process:
// loading the .mjs config needs a real dynamic import(), which jest's module sandbox refuses
// without --experimental-vm-modules.
import { execFileSync } from "child_process";
import path from "path";

const root = path.resolve(__dirname, "..", "..");

const RUNNER = `
import { ESLint } from "eslint";
let data = "";
for await (const chunk of process.stdin) data += chunk;
const input = JSON.parse(data);
const eslint = new ESLint({ cwd: input.root, overrideConfigFile: input.config });
const out = {};
for (const [name, fixture] of Object.entries(input.fixtures)) {
  const [result] = await eslint.lintText(fixture.code, { filePath: fixture.filePath });
  out[name] = result.messages.map((m) => ({ ruleId: m.ruleId, fatal: Boolean(m.fatal), message: m.message }));
}
process.stdout.write(JSON.stringify(out));
`;

interface LintMessage {
  ruleId: string | null;
  fatal: boolean;
  message: string;
}

const EXCEL_FILE = "src/excel/__lintFixture.ts";
const PANE_FILE = "src/taskpane/__LintFixture.tsx";

const fixtures = {
  syncInLoop: {
    filePath: EXCEL_FILE,
    code: `
export async function addSheets(names: string[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const name of names) {
      context.workbook.worksheets.add(name);
      await context.sync();
    }
  });
}
`,
  },
  // The plugin's own preset skips .tsx; ours must not.
  syncInLoopTsx: {
    filePath: PANE_FILE,
    code: `
export async function addSheets(names: string[]): Promise<void> {
  await Excel.run(async (context) => {
    let i = 0;
    while (i < names.length) {
      context.workbook.worksheets.add(names[i++]);
      await context.sync();
    }
  });
}
`,
  },
  neverLoaded: {
    filePath: EXCEL_FILE,
    code: `
export async function sheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Oversigt");
    await context.sync();
    return sheet.name;
  });
}
`,
  },
  readBeforeSync: {
    filePath: EXCEL_FILE,
    code: `
export async function sheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Oversigt");
    sheet.load("name");
    const name = sheet.name;
    await context.sync();
    return name;
  });
}
`,
  },
  goodPattern: {
    filePath: EXCEL_FILE,
    code: `
export async function sheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Oversigt");
    sheet.load("name");
    await context.sync();
    return sheet.name;
  });
}
`,
  },
  conditionalHook: {
    filePath: PANE_FILE,
    code: `
import { useState } from "react";
export function Counter({ enabled }: { enabled: boolean }) {
  if (enabled) {
    const [count] = useState(0);
    return <span>{count}</span>;
  }
  return null;
}
`,
  },
  missingDependency: {
    filePath: PANE_FILE,
    code: `
import { useEffect } from "react";
export function Title({ text }: { text: string }) {
  useEffect(() => {
    document.title = text;
  }, []);
  return null;
}
`,
  },
  shellImportsPane: {
    filePath: EXCEL_FILE,
    code: `
import type { ImportReview } from "../taskpane/ImportPreview";
export type Review = ImportReview;
`,
  },
  paneImportsShell: {
    filePath: PANE_FILE,
    code: `
import { applyPlan } from "../excel/applyPlan";
export const apply = applyPlan;
`,
  },
  paneImportsHost: {
    filePath: PANE_FILE,
    code: `
import type { WorkbookHost } from "../host/workbookHost";
export type Host = WorkbookHost;
`,
  },
};

let results: Record<keyof typeof fixtures, LintMessage[]>;

beforeAll(() => {
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", RUNNER], {
    cwd: root,
    input: JSON.stringify({
      root,
      config: path.join(root, "eslint.config.mjs"),
      fixtures: Object.fromEntries(
        Object.entries(fixtures).map(([name, f]) => [name, { ...f, filePath: path.join(root, f.filePath) }]),
      ),
    }),
    encoding: "utf8",
  });
  results = JSON.parse(stdout) as typeof results;
});

function ruleIds(name: keyof typeof fixtures): string[] {
  const messages = results[name];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length)
    throw new Error(`Fixture ${name} did not parse: ${fatal.map((m) => m.message).join("; ")}`);
  return messages.map((m) => m.ruleId ?? "");
}

test("context.sync() inside a for loop is reported by office-addins/no-context-sync-in-loop", () => {
  expect(ruleIds("syncInLoop")).toContain("office-addins/no-context-sync-in-loop");
});

test("the Office rules also run on .tsx files", () => {
  expect(ruleIds("syncInLoopTsx")).toContain("office-addins/no-context-sync-in-loop");
});

test("reading a property that was never loaded is reported by office-addins/load-object-before-read", () => {
  expect(ruleIds("neverLoaded")).toContain("office-addins/load-object-before-read");
});

test("reading a loaded property before context.sync() is reported by office-addins/call-sync-before-read", () => {
  expect(ruleIds("readBeforeSync")).toContain("office-addins/call-sync-before-read");
});

test("the Office rules are quiet on the pattern we want: load, one sync, then read", () => {
  expect(ruleIds("goodPattern").filter((id) => id.startsWith("office-addins/"))).toEqual([]);
});

test("a hook called conditionally is reported by react-hooks/rules-of-hooks", () => {
  expect(ruleIds("conditionalHook")).toContain("react-hooks/rules-of-hooks");
});

test("a missing effect dependency is reported by react-hooks/exhaustive-deps", () => {
  expect(ruleIds("missingDependency")).toContain("react-hooks/exhaustive-deps");
});

test("no shell imports another: the Office.js shell may not import the pane, nor the pane the Office.js shell", () => {
  expect(ruleIds("shellImportsPane")).toContain("no-restricted-imports");
  expect(ruleIds("paneImportsShell")).toContain("no-restricted-imports");
  expect(ruleIds("paneImportsHost")).not.toContain("no-restricted-imports");
});
