// Every failure ends up here as a Danish (or English) MessageBar until the user closes it.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useStrings } from "./i18n";
import { paneClass } from "./paneClasses";

/** The text to show for a failure; the host throws Errors with Danish messages. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return fallback;
}

export interface ErrorBarProps {
  errors: string[];
  onDismiss: (index: number) => void;
}

export function ErrorBar({ errors, onDismiss }: ErrorBarProps) {
  const t = useStrings();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className={paneClass.stack}>
      {errors.map((message, index) => (
        <MessageBar key={message} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onDismiss(index)}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
