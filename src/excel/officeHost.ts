// Placeholder until the Office.js shell is written: the task pane and the ribbon command load
// this module lazily, so they build and run (and show this Danish message) before it exists.
import type { WorkbookHost } from "../taskpane/workbookHost";

export function createOfficeHost(): WorkbookHost {
  throw new Error("Excel-forbindelsen er ikke bygget endnu");
}
