// The template section of the pane: send templates out, import them when they come back.
// Loaded lazily (App.tsx), so neither it nor exceljs is part of the pane's first download.
import { Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import { downloadFile } from "./download";
import { ExportSection } from "./ExportSection";
import { ImportSection } from "./ImportSection";
import { useTemplateStrings } from "./templateStrings";
import type { WorkbookHost } from "../host/workbookHost";
import { useLayoutStyles } from "./layoutStyles";

export interface TemplatesPanelProps {
  host: WorkbookHost;
  /** The workbook has no centre sheets (known from the overview): nothing to send or import. */
  noCentres: boolean;
  onError: (error: unknown) => void;
  /** After an export or import: the overview's trips and counts are out of date. */
  onChanged: () => void;
  /** How a file reaches the user in the browser (tests replace it). */
  download?: (name: string, bytes: Uint8Array) => void;
}

export function TemplatesPanel({ host, noCentres, onError, onChanged, download }: TemplatesPanelProps) {
  const t = useTemplateStrings();
  const l = useLayoutStyles();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <section aria-labelledby="rk-templates" className={l.stack}>
      <Subtitle2 as="h2" id="rk-templates">
        {t.heading}
      </Subtitle2>
      <Text size={200}>{noCentres ? t.noCentres : t.hint}</Text>
      <ExportSection
        host={host}
        disabled={noCentres || importing}
        onBusyChange={setExporting}
        onError={onError}
        onExported={onChanged}
        download={download ?? downloadFile}
      />
      <ImportSection
        host={host}
        disabled={noCentres || exporting}
        onBusyChange={setImporting}
        onError={onError}
        onImported={onChanged}
      />
    </section>
  );
}
