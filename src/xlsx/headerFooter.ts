// A page header or footer as the .xlsx format stores it: one string, each section after its code
// (&L, &C, &R). The plan keeps the sections apart, as Office.js takes them.
import type { PageSections } from "../sheets/plan";

/** { left: "a", center: "", right: "&D" } → "&La&R&D"; an empty section is left out. */
export function headerFooterCode(sections: PageSections): string {
  return (
    (sections.left ? `&L${sections.left}` : "") +
    (sections.center ? `&C${sections.center}` : "") +
    (sections.right ? `&R${sections.right}` : "")
  );
}
