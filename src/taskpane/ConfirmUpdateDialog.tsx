// Asks before a build touches sheets that already exist. Loaded on demand (kept out of the
// pane's first download): a modal dialog, because updating rewrites the user's sheets.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useStrings } from "./i18n";

export interface ConfirmUpdateDialogProps {
  /**
   * Controlled, and the dialog stays mounted after it closes: unmounting an open Fluent Dialog
   * left aria-hidden on the rest of the pane in Chromium (seen in a headless run).
   */
  open: boolean;
  sheets: string[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmUpdateDialog({ open, sheets, onConfirm, onCancel }: ConfirmUpdateDialogProps) {
  const t = useStrings();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent>{t.confirmText(sheets)}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t.confirmUpdate}
            </Button>
            <Button onClick={onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
