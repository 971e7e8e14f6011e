// The task pane: pick contracts, build their sheets, follow the status live, make the summary,
// send templates to the centres and import them when they come back.
// It talks to the workbook only through the WorkbookHost it is handed.
import { FluentProvider, MessageBar, MessageBarBody, Spinner, Title3 } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { BuildPanel } from "./BuildPanel";
import { ContractPicker } from "./ContractPicker";
import { ErrorBar, errorMessage } from "./ErrorBar";
import { languageFrom, officeDisplayLanguage, stringsFor, StringsContext } from "./i18n";
import type { Language } from "./i18n";
import { FailureBoundary } from "./FailureBoundary";
import { SummaryButton } from "./SummaryButton";
import { paneClass } from "./paneClasses";
import { usePaneTheme } from "./theme";
import type { AttentionRow, CentreOverview, ContractChoice, WorkbookHost } from "../host/workbookHost";

// The status panel (badges, links) arrives just after the first paint: the pane is usable at once,
// and the status needs a round trip to Excel anyway. Keeps the first download under budget.
const OverviewPanel = lazy(() => import("./OverviewPanel").then((m) => ({ default: m.OverviewPanel })));
// Templates out and back: its own chunk (exceljs comes later still, when a file is made or read).
const TemplatesPanel = lazy(() => import("./TemplatesPanel").then((m) => ({ default: m.TemplatesPanel })));
// "Ny kontrakt fra bilag": the drafter in its own chunk, mammoth in another still.
const DraftPanel = lazy(() => import("./DraftPanel").then((m) => ({ default: m.DraftPanel })));
// Contract definitions ("Ny kontrakt", build from a definition sheet): their own chunk too.
const DefinitionPanel = lazy(() => import("./DefinitionPanel").then((m) => ({ default: m.DefinitionPanel })));
// The self-test is for IT, in the bottom corner: its own chunk.
const SelfTest = lazy(() => import("./SelfTest").then((m) => ({ default: m.SelfTest })));

/** Typing fires onChanged per edit; wait for a pause before re-reading every sheet. */
export const REFRESH_DEBOUNCE_MS = 400;

export interface AppProps {
  host: WorkbookHost;
  /** Defaults to Office's display language (Danish unless it is English). */
  language?: Language;
}

export function App({ host, language }: AppProps) {
  const lang = language ?? languageFrom(officeDisplayLanguage());
  const strings = stringsFor(lang);
  const theme = usePaneTheme();
  const [initial] = useState(() => {
    try {
      return { contracts: host.contracts(), errors: [] as string[] };
    } catch (error) {
      return { contracts: [] as ContractChoice[], errors: [errorMessage(error, strings.unknownError)] };
    }
  });
  const [errors, setErrors] = useState<string[]>(initial.errors);
  const [selected, setSelected] = useState<string[]>([]);
  const [building, setBuilding] = useState(false);
  const [overview, setOverview] = useState<CentreOverview[] | null>(null);
  const [loadingOverview, setLoadingOverview] = useState(false);
  /** The first status read has ended (well or not): the definitions panel may load then. */
  const [statusRead, setStatusRead] = useState(false);
  // A drafted definition sheet is new to the definitions list: it is read again (remounted).
  const [definitionsVersion, setDefinitionsVersion] = useState(0);
  const mounted = useRef(false);
  const latestRequest = useRef(0);
  // Excel keeps a request waiting, most often while the user is typing in a cell (ExcelApi 1.11
  // waits instead of failing, and clicking the pane does not end cell-edit mode).
  const [waiting, setWaiting] = useState(false);
  useEffect(() => host.onWaiting?.(setWaiting), [host]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reportError = useCallback(
    (error: unknown) => {
      if (!mounted.current) return;
      const message = errorMessage(error, strings.unknownError);
      setErrors((previous) => (previous.includes(message) ? previous : [...previous, message]));
    },
    [strings],
  );

  const refresh = useCallback(async () => {
    // Only the newest read may land: an older, slower one must not overwrite it.
    const request = ++latestRequest.current;
    setLoadingOverview(true);
    try {
      const result = await host.overview();
      if (mounted.current && request === latestRequest.current) setOverview(result);
    } catch (error) {
      reportError(error);
    } finally {
      if (mounted.current && request === latestRequest.current) setLoadingOverview(false);
      if (mounted.current) setStatusRead(true);
    }
  }, [host, reportError]);

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    void refresh();
    host
      .onChanged(() => {
        if (disposed) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          void refresh();
        }, REFRESH_DEBOUNCE_MS);
      })
      .then((stop) => {
        if (disposed) stop();
        else unsubscribe = stop;
      }, reportError);
    return () => {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [host, refresh, reportError]);

  const selectRow = useCallback(
    (row: AttentionRow) => {
      host.selectRow(row.sheet, row.row).catch(reportError);
    },
    [host, reportError],
  );

  const dismissError = useCallback((index: number) => {
    setErrors((previous) => previous.filter((_, i) => i !== index));
  }, []);

  return (
    <FluentProvider theme={theme} lang={lang} className={paneClass.fill}>
      <StringsContext.Provider value={strings}>
        <main className={paneClass.page}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <ErrorBar errors={errors} onDismiss={dismissError} />
          {waiting && (
            <MessageBar intent="warning" role="status">
              <MessageBarBody>Excel venter. Afslut redigeringen af cellen (Enter).</MessageBarBody>
            </MessageBar>
          )}
          <FailureBoundary onError={reportError} loadFailedMessage={strings.loadFailed}>
            <ContractPicker
              contracts={initial.contracts}
              selected={selected}
              disabled={building}
              onChange={setSelected}
            />
            <BuildPanel
              host={host}
              contractIds={selected}
              onError={reportError}
              onBuilt={() => void refresh()}
              onBusyChange={setBuilding}
            />
            <hr className={paneClass.rule} />
            <FailureBoundary onError={reportError} loadFailedMessage={strings.loadFailed}>
              <Suspense fallback={<Spinner size="tiny" labelPosition="after" label={strings.refreshing} />}>
                <OverviewPanel
                  overview={overview}
                  loading={loadingOverview}
                  onRefresh={() => void refresh()}
                  onSelect={selectRow}
                />
              </Suspense>
            </FailureBoundary>
            <SummaryButton host={host} onError={reportError} />
            <hr className={paneClass.rule} />
            <FailureBoundary onError={reportError} loadFailedMessage={strings.loadFailed}>
              <Suspense fallback={<Spinner size="tiny" />}>
                <TemplatesPanel
                  host={host}
                  noCentres={overview !== null && overview.length === 0}
                  onError={reportError}
                  onChanged={() => void refresh()}
                />
              </Suspense>
            </FailureBoundary>
            {/* Loaded after the first status read, so the status comes first. */}
            {statusRead && (
              <FailureBoundary onError={reportError} loadFailedMessage={strings.loadFailed}>
                <Suspense fallback={<Spinner size="tiny" />}>
                  <DefinitionPanel
                    key={definitionsVersion}
                    host={host}
                    builtins={initial.contracts}
                    onError={reportError}
                    onBuilt={() => void refresh()}
                  />
                </Suspense>
              </FailureBoundary>
            )}
            {statusRead && (
              <FailureBoundary onError={reportError} loadFailedMessage={strings.loadFailed}>
                <Suspense fallback={<Spinner size="tiny" />}>
                  <DraftPanel
                    host={host}
                    onError={reportError}
                    onWritten={() => setDefinitionsVersion((v) => v + 1)}
                  />
                </Suspense>
              </FailureBoundary>
            )}
            {host.selfTest && (
              <FailureBoundary onError={reportError} loadFailedMessage={strings.loadFailed}>
                <Suspense fallback={null}>
                  <SelfTest host={host} />
                </Suspense>
              </FailureBoundary>
            )}
          </FailureBoundary>
        </main>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
