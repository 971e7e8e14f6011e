// (Re)makes the Oversigt sheet: the same action as the ribbon's Opsummering button.
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import { useStrings } from "./i18n";
import type { WorkbookHost } from "../host/workbookHost";
import { paneClass } from "./paneClasses";

export interface SummaryButtonProps {
  host: WorkbookHost;
  onError: (error: unknown) => void;
}

export function SummaryButton({ host, onError }: SummaryButtonProps) {
  const t = useStrings();
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(false);

  const run = async () => {
    setDone(false);
    setRunning(true);
    try {
      await host.summary();
      setDone(true);
    } catch (error) {
      onError(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className={paneClass.stack}>
      <Button
        disabled={running}
        icon={running ? <Spinner size="tiny" /> : undefined}
        onClick={() => void run()}
        className={paneClass.start}
      >
        {running ? t.summaryRunning : t.summaryButton}
      </Button>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{t.summaryDone}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
