// Shown instead of the pane when it cannot start: opened outside Excel, or the Excel link failed.
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
} from "@fluentui/react-components";
import { paneClass } from "./paneClasses";
import { usePaneTheme } from "./theme";

export interface StartupNoticeProps {
  /** notExcel: opened in a plain browser or another Office application. */
  kind: "notExcel" | "failed";
  message?: string;
}

export function StartupNotice({ kind, message }: StartupNoticeProps) {
  const theme = usePaneTheme();
  return (
    <FluentProvider theme={theme} lang="da" className={paneClass.fill}>
      <main className={paneClass.page}>
        <Title3 as="h1">Resultatkontrakter</Title3>
        {kind === "notExcel" ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Åbn Resultatkontrakter fra Excel</MessageBarTitle>
              Denne side er Resultatkontrakters panel og virker kun inde i Excel. Åbn en projektmappe i Excel
              (på skrivebordet eller på nettet) og vælg Hjem → Resultatkontrakter → Kontraktpanel.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Resultatkontrakter kunne ikke starte</MessageBarTitle>
              {message}
            </MessageBarBody>
          </MessageBar>
        )}
        {kind === "notExcel" && (
          <Body1>
            Er tilføjelsesprogrammet ikke installeret, kan det indlæses fra filen manifest.xml: Indsæt →
            Tilføjelsesprogrammer → Mine tilføjelsesprogrammer → Upload mit tilføjelsesprogram.
          </Body1>
        )}
      </main>
    </FluentProvider>
  );
}
