// Ribbon commands (ExecuteFunction). The names here must equal <FunctionName> in manifest.xml.

/** Width and height of the error dialog, in percent of the Excel window. */
const DIALOG_SIZE = { width: 30, height: 30 };
/** A function command without a shared runtime is stopped after 5 minutes: finish well before. */
const DIALOG_MAX_MS = 4 * 60 * 1000;

/** Opsummering: (re)makes the Oversigt sheet. Always completes the event, also on failure. */
export async function opsummering(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { createOfficeHost } = await import("../excel/officeHost");
    await createOfficeHost().summary();
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : String(error);
    await showError(message);
  } finally {
    event.completed();
  }
}

/**
 * Shows a Danish error message in a small dialog (fejl.html) and resolves when it is closed.
 * A function command has no UI of its own, so this is the only way to tell the user.
 */
export function showError(message: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const url = new URL("fejl.html", window.location.href);
    url.searchParams.set("besked", message);
    let dialog: Office.Dialog | undefined;
    const finish = () => {
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // Already closed by the user: nothing left to close.
      }
      resolve();
    };
    const timer = setTimeout(finish, DIALOG_MAX_MS);
    try {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { ...DIALOG_SIZE, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            // No dialog (e.g. another one is open): the console is all that is left.
            console.error(`Resultatkontrakter: ${message}`, result.error);
            finish();
            return;
          }
          dialog = result.value;
          // The page's OK button sends a message; the close box raises DialogEventReceived.
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
        },
      );
    } catch (error) {
      console.error(`Resultatkontrakter: ${message}`, error);
      finish();
    }
  });
}

Office.onReady(() => {
  Office.actions.associate("opsummering", opsummering);
});
