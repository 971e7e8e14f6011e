// "Selvtest": a small link in the pane's bottom corner, out of the economist's way, for IT. It
// runs every Office.js feature the add-in depends on (on a scratch sheet the host adds and
// removes) and shows a table — feature, ✓ or ✗ with Excel's error — with the platform, Office
// version and requirement sets, and "Kopiér resultat" so the result can be mailed.
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { SelfTestReport, WorkbookHost } from "../host/workbookHost";

const useStyles = makeStyles({
  corner: { display: "flex", flexDirection: "column", alignItems: "flex-end", gap: tokens.spacingVerticalS },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignSelf: "stretch" },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  mark: { width: "28px" },
  error: { color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  facts: { color: tokens.colorNeutralForeground2 },
  offscreen: { position: "fixed", top: "-1000px", left: "-1000px" },
});

export interface SelfTestProps {
  host: WorkbookHost;
}

/** The report as plain text (the same lines IT gets from "Kopiér resultat"). */
export function reportText(report: SelfTestReport): string {
  return [
    "Resultatkontrakter – selvtest",
    `Tidspunkt: ${report.at}`,
    `Platform: ${report.platform}`,
    `Office-version: ${report.officeVersion}`,
    `ExcelApi: ${report.sets.join(", ") || "ingen"}`,
    "",
    ...report.rows.map((r) => `${r.ok ? "✓" : "✗"} ${r.feature} [${r.set}]${r.error ? ` – ${r.error}` : ""}`),
    "",
    `${report.rows.filter((r) => r.ok).length} af ${report.rows.length} virker.`,
  ].join("\n");
}

async function copy(text: string, offscreen: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The clipboard API is not allowed in every webview: select a hidden textarea and copy.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = offscreen;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function SelfTest({ host }: SelfTestProps) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  /** How many runs have finished: an old table is never taken for a new one. */
  const [runs, setRuns] = useState(0);
  if (!host.selfTest) return null;
  const selfTest = host.selfTest.bind(host);

  const run = async () => {
    setRunning(true);
    setFailure(null);
    setCopied(null);
    setReport(null);
    try {
      setReport(await selfTest());
      setRuns((n) => n + 1);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className={styles.corner} aria-label="Selvtest">
      <Button
        appearance="subtle"
        size="small"
        disabled={running}
        icon={running ? <Spinner size="extra-tiny" /> : undefined}
        onClick={() => void run()}
        title="Prøver alle de funktioner i Excel, som tilføjelsesprogrammet bruger, på et midlertidigt ark"
      >
        {running ? "Selvtest kører …" : "Selvtest"}
      </Button>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>Selvtesten kunne ikke køre: {failure}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <div className={styles.panel} data-testid="selftest" data-run={runs}>
          <Text weight="semibold">
            Selvtest: {report.rows.filter((r) => r.ok).length} af {report.rows.length} virker
          </Text>
          <Caption1 className={styles.facts}>
            Platform: {report.platform} · Office: {report.officeVersion} · ExcelApi:{" "}
            {report.sets.join(", ") || "ingen"}
          </Caption1>
          <Table size="extra-small" aria-label="Selvtestens resultat">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.mark}>OK</TableHeaderCell>
                <TableHeaderCell>Funktion</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={r.feature} data-ok={r.ok ? "ja" : "nej"}>
                  <TableCell className={styles.mark}>
                    <span
                      className={r.ok ? styles.ok : styles.bad}
                      aria-label={r.ok ? "virker" : "virker ikke"}
                    >
                      {r.ok ? "✓" : "✗"}
                    </span>
                  </TableCell>
                  <TableCell>
                    <div>
                      {r.feature} <Caption1>({r.set})</Caption1>
                    </div>
                    {r.error && <Caption1 className={styles.error}>{r.error}</Caption1>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button
            size="small"
            onClick={() => void copy(reportText(report), styles.offscreen).then(setCopied)}
          >
            Kopiér resultat
          </Button>
          {copied === true && (
            <Caption1 role="status">Resultatet er kopieret. Sæt det ind i en mail til IT.</Caption1>
          )}
          {copied === false && (
            <Caption1 role="status">
              Kopiering er ikke tilladt her: markér tabellen, og kopiér den selv.
            </Caption1>
          )}
        </div>
      )}
    </section>
  );
}
