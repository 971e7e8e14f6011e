// "Send skabeloner ud": makes one template per centre, hands each to the user (downloaded, or
// opened in Excel where a download cannot work) and lists them with a way to get each again.
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTemplateStrings } from "./templateStrings";
import type { TemplateFile } from "../templates/importTypes";
import type { ExportResult, WorkbookHost } from "../host/workbookHost";
import { useLayoutStyles } from "./layoutStyles";

export interface ExportSectionProps {
  host: WorkbookHost;
  disabled: boolean;
  onBusyChange: (busy: boolean) => void;
  onError: (error: unknown) => void;
  onExported: () => void;
  download: (name: string, bytes: Uint8Array) => void;
}

export function ExportSection({
  host,
  disabled,
  onBusyChange,
  onError,
  onExported,
  download,
}: ExportSectionProps) {
  const t = useTemplateStrings();
  const l = useLayoutStyles();
  const [prefill, setPrefill] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [opened, setOpened] = useState<string[]>([]);
  const [opening, setOpening] = useState<string | null>(null);

  const run = async () => {
    setResult(null);
    setOpened([]);
    setRunning(true);
    onBusyChange(true);
    try {
      const r = await host.exportTemplates({ prefill });
      if (r.delivery === "download") for (const f of r.files) download(f.name, f.bytes);
      setResult(r);
      onExported();
    } catch (error) {
      onError(error);
    } finally {
      setRunning(false);
      onBusyChange(false);
    }
  };

  const open = async (file: TemplateFile) => {
    setOpening(file.name);
    try {
      await host.openTemplate(file);
      setOpened((o) => [...o, file.name]);
    } catch (error) {
      onError(error);
    } finally {
      setOpening(null);
    }
  };

  return (
    <div className={l.stack}>
      <Checkbox
        checked={prefill}
        disabled={disabled || running}
        onChange={(_, data) => setPrefill(data.checked === true)}
        label={t.prefill}
      />
      <Button
        appearance="primary"
        disabled={disabled || running}
        icon={running ? <Spinner size="tiny" /> : undefined}
        onClick={() => void run()}
        className={l.start}
      >
        {running ? t.exporting : t.exportButton}
      </Button>
      {result && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t.exported(result)}</MessageBarBody>
          </MessageBar>
          {result.summaryStale && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.summaryStale}</MessageBarBody>
            </MessageBar>
          )}
          {result.zip && (
            <Button
              size="small"
              onClick={() => download(result.zip!.name, result.zip!.bytes)}
              aria-label={`${t.downloadZip}: ${result.zip.name}`}
            >
              {t.downloadZip}
            </Button>
          )}
          <ul aria-label={t.exportButton} className={l.list}>
            {result.files.map((f) => (
              <li key={f.name} className={l.item}>
                <Text size={200} block className={l.breakAnywhere}>
                  {f.name}
                </Text>
                <Text size={200}>
                  {f.centreName}
                  {f.prefilled > 0 ? ` · ${t.prefilled(f.prefilled)}` : ""}
                </Text>{" "}
                {result.delivery === "download" ? (
                  <Button
                    size="small"
                    appearance="transparent"
                    aria-label={`${t.downloadAgain}: ${f.name}`}
                    onClick={() => download(f.name, f.bytes)}
                  >
                    {t.downloadAgain}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    disabled={opening !== null}
                    onClick={() => void open(f)}
                    aria-label={`${t.openInExcel}: ${f.name}`}
                  >
                    {opened.includes(f.name) ? t.opened : t.openInExcel}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
