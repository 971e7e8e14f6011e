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
  sheets: string[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmUpdateDialog({ sheets, onConfirm, onCancel }: ConfirmUpdateDialogProps) {
  const t = useStrings();
  return (
    <Dialog
      open
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
