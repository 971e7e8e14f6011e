// The plan keeps a page header's three sections apart; the .xlsx file wants one "&L…&C…&R…" string.
import { headerFooterCode } from "../../src/xlsx/headerFooter";
import { headerText, PAGE_NUMBERS } from "../../src/sheets/styles";

test("sections join behind their codes; field codes and a literal && stay as they are", () => {
  expect(headerFooterCode({ left: headerText("Resultat & kontrakt"), center: "Center", right: "&D" })).toBe(
    "&LResultat && kontrakt&CCenter&R&D",
  );
});

test("an empty section is left out, so the page-number footer is only its centre", () => {
  expect(headerFooterCode(PAGE_NUMBERS)).toBe("&CSide &P af &N");
  expect(headerFooterCode({ left: "", center: "", right: "" })).toBe("");
});
