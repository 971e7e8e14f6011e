// Entry point of the task pane: decides where it runs and which WorkbookHost the pane gets.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { errorMessage } from "./ErrorBar";
import { isChunkLoadError } from "./FailureBoundary";
import { stringsFor } from "./i18n";
import { StartupNotice } from "./StartupNotice";
import type { WorkbookHost } from "../host/workbookHost";

declare global {
  interface Window {
    /** Set by an end-to-end test to drive the production pane with a fake workbook. */
    __RK_TEST_HOST__?: WorkbookHost;
  }
}

export async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  if (window.__RK_TEST_HOST__) {
    root.render(<App host={window.__RK_TEST_HOST__} />);
    return;
  }
  // office.js comes from Microsoft's CDN; in a plain browser it may be missing, or loaded with
  // no Office around it (onReady then reports no host and Excel stays undefined).
  if (typeof Office === "undefined") {
    root.render(<StartupNotice kind="notExcel" />);
    return;
  }
  try {
    const info = await Office.onReady();
    if (info.host !== Office.HostType.Excel || typeof Excel === "undefined") {
      root.render(<StartupNotice kind="notExcel" />);
      return;
    }
    // Kept out of the first download: the pane is interactive before the Excel code arrives.
    const { createOfficeHost } = await import("../excel/officeHost");
    root.render(<App host={createOfficeHost()} />);
  } catch (error) {
    const da = stringsFor("da");
    const message = isChunkLoadError(error) ? da.loadFailed : errorMessage(error, da.unknownError);
    root.render(<StartupNotice kind="failed" message={message} />);
  }
}

const container = document.getElementById("root");
if (container) void start(container);
