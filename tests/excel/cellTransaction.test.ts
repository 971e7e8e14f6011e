// The pieces of the one-request write that need no Excel: how cells are grouped into ranges and
// how a figure is written so Excel keeps it as it was typed.
import { columnRuns, formulaOf } from "../../src/excel/cellTransaction";
import { applyWithChoices, fieldKey } from "../../src/templates/conflictChoices";
import type { FilePreview } from "../../src/templates/previewImport";

test("cells of one column on consecutive rows go as one range, in row order", () => {
  const runs = columnRuns([
    { sheet: "CKB", address: "H9", value: 2 },
    { sheet: "CKB", address: "H8", value: 1 },
    { sheet: "CKB", address: "H11", value: 4 },
    { sheet: "CKB", address: "I8", value: "Ja" },
    { sheet: "Log", address: "A2", value: "2026-11-22 11:00:00" },
  ]);
  expect(runs.map((r) => [r.sheet, r.address, r.cells.map((c) => c.value)])).toEqual([
    ["CKB", "H8:H9", [1, 2]],
    ["CKB", "H11", [4]],
    ["CKB", "I8", ["'Ja"]],
    ["Log", "A2", ["'2026-11-22 11:00:00"]],
  ]);
});

test("text stays text (an apostrophe in front), numbers stay numbers, empty clears", () => {
  expect(formulaOf("10 %")).toBe("'10 %");
  expect(formulaOf("=1+1")).toBe("'=1+1");
  expect(formulaOf(12.5)).toBe(12.5);
  expect(formulaOf(null)).toBe("");
  expect(formulaOf(true)).toBe("TRUE");
});

test("per-conflict choices override the choice for the import", () => {
  const preview: FilePreview = {
    file: "f.xlsx",
    contractId: "c",
    centre: "CKB",
    centreName: "CKB",
    sheet: "CKB",
    exportedAt: "2026-11-22T10:00:00Z",
    rejected: [],
    unknownIds: [],
    fields: [
      {
        goalId: "a",
        field: "grundlag",
        kind: "conflict",
        masterAddress: "H8",
        templateAddress: "H8",
        old: 1,
        value: 2,
      },
      {
        goalId: "b",
        field: "grundlag",
        kind: "conflict",
        masterAddress: "H9",
        templateAddress: "H9",
        old: 1,
        value: 3,
      },
      {
        goalId: "c",
        field: "grundlag",
        kind: "new",
        masterAddress: "H10",
        templateAddress: "H10",
        old: null,
        value: 4,
      },
    ],
  };
  const applied = applyWithChoices(
    [preview],
    "keep",
    { [fieldKey("f.xlsx", "b", "grundlag")]: "replace" },
    "t",
  );
  expect(applied.writes.map((w) => [w.address, w.value])).toEqual([
    ["H9", 3],
    ["H10", 4],
  ]);
  expect(applied.kept.map((f) => f.goalId)).toEqual(["a"]);
  expect(applied.replaced.map((f) => f.goalId)).toEqual(["b"]);
  expect(applied.trips).toHaveLength(1);
});
