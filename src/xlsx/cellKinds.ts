// What an input cell of a returned template holds, told from exceljs's cell types: the grid of
// values alone cannot tell a date (a serial number) or a link from a figure someone typed.
import ExcelJS from "exceljs";
import type { CellKind, KindAt } from "../templates/inputCells";

export function cellKinds(ws: ExcelJS.Worksheet | undefined): KindAt {
  return (address) => {
    if (!ws) return undefined;
    const cell = ws.getCell(address);
    switch (cell.type) {
      case ExcelJS.ValueType.Formula:
        return { kind: "formula", formula: `=${cell.formula ?? ""}` } satisfies CellKind;
      case ExcelJS.ValueType.Date:
        return { kind: "date" };
      case ExcelJS.ValueType.Hyperlink:
        return { kind: "hyperlink" };
      case ExcelJS.ValueType.Error: {
        const error = (cell.value as { error?: string } | null)?.error ?? "#VÆRDI!";
        return { kind: "error", error };
      }
      default:
        return { kind: "value" };
    }
  };
}
