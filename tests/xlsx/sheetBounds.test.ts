// The worksheet scan that runs before exceljs: what it refuses, what it notes, and that hostile
// XML cannot make it slow (bounded by each test's timeout; the time itself is in the bench).
import {
  decodeInlineEscapes,
  withoutCellStyles,
  withoutEmptyCells,
  withoutRules,
} from "../../src/xlsx/boundedLoad";
import { scanSheet, SHEET_LIMITS } from "../../src/xlsx/sheetBounds";

const sheet = (body: string, after = "") =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${after}</worksheet>`;

describe("scanSheet", () => {
  it("passes a sheet the size of a contract sheet and notes date cells and numbers that are none", () => {
    const scan = scanSheet(
      sheet(
        '<row r="8"><c r="H8"><v>1000</v></c><c r="I8" t="d"><v>2007-03-15</v></c><c r="N8" t="s"><v>3</v></c></row>' +
          '<row r="9"><c r="H9"><v>0x10</v></c><c r="I9"><v>1e400</v></c><c r="J9"><f>H9*2</f><v>abc</v></c></row>',
      ),
    );
    expect(scan.overflow).toBeUndefined();
    expect([...scan.notes]).toEqual([
      ["I8", { kind: "date", text: "2007-03-15" }],
      ["H9", { kind: "badNumber", text: "0x10" }],
      ["I9", { kind: "badNumber", text: "1e400" }],
    ]);
  });

  it.each([
    ['<mergeCells><mergeCell ref="A1:A60000"/></mergeCells>', "merge"],
    ['<dataValidations><dataValidation sqref="H:H"/></dataValidations>', "validation"],
    ['<dataValidations><dataValidation sqref="A1:B2 C3:C300000"/></dataValidations>', "validation"],
    ['<conditionalFormatting sqref="1:1048576"><cfRule/></conditionalFormatting>', "conditionalFormat"],
    ['<mergeCells><mergeCell ref="not a range"/></mergeCells>', "merge"],
  ])("refuses %s", (after, what) => {
    expect(scanSheet(sheet("", after)).overflow?.what).toBe(what);
  });

  it("refuses a cell beyond the last row or column, and too many cells, with what to look for", () => {
    expect(scanSheet(sheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')).overflow).toEqual({
      what: "cell",
      ref: "XFD1048576",
    });
    const many = "<c><v>1</v></c>".repeat(SHEET_LIMITS.cells + 1);
    expect(scanSheet(sheet(`<row>${many}</row>`)).overflow).toEqual({
      what: "cells",
      count: SHEET_LIMITS.cells + 1,
    });
  });

  it("stays linear on cells that never close and tag names without end", () => {
    expect(scanSheet(sheet('<c r="A1"><v>1'.repeat(200_000))).overflow).toBeUndefined();
    expect(scanSheet(`<${"a".repeat(2_000_000)}`).overflow).toBeUndefined();
    expect(decodeInlineEscapes(`<is><t>${"_x".repeat(1_000_000)}`)).toContain("_x_x");
  }, 10_000);
});

describe("decodeInlineEscapes", () => {
  it("decodes _xHHHH_ in inline strings as Excel means them, and leaves what XML cannot carry", () => {
    expect(decodeInlineEscapes("<is><t>a_x000D_b_x005F_x0041_c_x0000_</t></is><v>_x0041_</v>")).toBe(
      "<is><t>a&#x000D;b&#x005F;x0041_c_x0000_</t></is><v>_x0041_</v>",
    );
  });
});

describe("withoutRules", () => {
  it("leaves out validations and conditional formats after the cells, also Excel 2010's in extLst", () => {
    const cells = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const xml = sheet(
      cells,
      '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>' +
        '<conditionalFormatting sqref="A1"><cfRule type="expression"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="1"><dataValidation sqref="A1"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations>' +
        '<extLst><ext uri="x"><x14:dataValidations count="1"><x14:dataValidation/></x14:dataValidations></ext></extLst>',
    );
    expect(withoutRules(xml)).toBe(
      sheet(cells, '<mergeCells><mergeCell ref="A1:B1"/></mergeCells><extLst><ext uri="x"></ext></extLst>'),
    );
  });

  it("never cuts into the cells, and leaves an element without its end tag as it is", () => {
    const tricky = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;dataValidations</t></is></c></row>');
    expect(withoutRules(tricky)).toBe(tricky);
    const before = `<worksheet><!-- <dataValidations> --><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(withoutRules(before)).toBe(before);
    const open = sheet("", "<dataValidations><dataValidation/>");
    expect(withoutRules(open)).toBe(open);
  });
});

describe("withoutCellStyles", () => {
  it("drops a cell's style index and nothing else", () => {
    expect(
      withoutCellStyles(
        '<cols><col min="1" max="1" style="2"/></cols><row r="1" s="1"><c r="A1" s="3" t="s"><v>0</v></c><x:c s="4" r="B1"/><c r="C1" t="inlineStr"><is><t>s="5"</t></is></c></row>',
      ),
    ).toBe(
      '<cols><col min="1" max="1" style="2"/></cols><row r="1" s="1"><c r="A1" t="s"><v>0</v></c><x:c r="B1"/><c r="C1" t="inlineStr"><is><t>s="5"</t></is></c></row>',
    );
  });
});

describe("withoutEmptyCells", () => {
  it("leaves out cells that hold nothing, and keeps every cell with a value or formula", () => {
    expect(
      withoutEmptyCells(
        '<row r="8"><c r="H8" s="5"/><x:c r="I8"/><c r="J8" s="5"><v>1</v></c><c r="K8"><f>J8*2</f></c></row>',
      ),
    ).toBe('<row r="8"><c r="J8" s="5"><v>1</v></c><c r="K8"><f>J8*2</f></c></row>');
  });

  it("is used only where every cell names its address", () => {
    expect(scanSheet(sheet('<row r="1"><c r="A1"/><c r="B1"><v>1</v></c></row>')).everyCellAddressed).toBe(
      true,
    );
    expect(scanSheet(sheet('<row r="1"><c r="A1"/><c><v>1</v></c></row>')).everyCellAddressed).toBe(false);
  });
});
