// "Indlæs udfyldte skabeloner": pick one or many files, see what they would change, choose what
// happens on conflicts, then "Indlæs" (one write) or "Annullér" (nothing written).
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { ImportPreview } from "./ImportPreview";
import { NoteBar } from "./NoteBar";
import { readPickedFiles } from "./readFiles";
import { useTemplateStrings } from "./templateStrings";
import type { ImportChoices, ImportReview } from "../templates/importTypes";
import type { WorkbookHost } from "../host/workbookHost";
import { useLayoutStyles } from "./layoutStyles";

type Phase =
  | { kind: "idle"; note?: { intent: "success" | "info"; text: string } }
  | { kind: "checking" }
  | { kind: "review"; review: ImportReview; choices: ImportChoices; applying: boolean; stale: boolean };

export interface ImportSectionProps {
  host: WorkbookHost;
  disabled: boolean;
  onBusyChange: (busy: boolean) => void;
  onError: (error: unknown) => void;
  onImported: () => void;
}

const FIRST_CHOICE: ImportChoices = { conflicts: "keep", perConflict: {} };

export function ImportSection({ host, disabled, onBusyChange, onError, onImported }: ImportSectionProps) {
  const t = useTemplateStrings();
  const l = useLayoutStyles();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "checking" || (phase.kind === "review" && phase.applying);

  const check = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setPhase({ kind: "checking" });
    onBusyChange(true);
    try {
      const review = await host.previewImport(await readPickedFiles(list));
      setPhase({ kind: "review", review, choices: FIRST_CHOICE, applying: false, stale: false });
    } catch (error) {
      onError(error);
      setPhase({ kind: "idle" });
    } finally {
      onBusyChange(false);
      // Picking the same files again must fire onChange again.
      if (input.current) input.current.value = "";
    }
  };

  const apply = async () => {
    if (phase.kind !== "review") return;
    const { review, choices } = phase;
    setPhase({ ...phase, applying: true });
    onBusyChange(true);
    try {
      const outcome = await host.applyImport(review, choices);
      if (outcome.kind === "stale") {
        setPhase({ kind: "review", review: outcome.review, choices, applying: false, stale: true });
      } else {
        setPhase({ kind: "idle", note: { intent: "success", text: t.imported(outcome) } });
        onImported();
      }
    } catch (error) {
      onError(error);
      setPhase({ ...phase, applying: false });
    } finally {
      onBusyChange(false);
    }
  };

  return (
    <div className={l.stack}>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx"
        aria-label={t.fileInput}
        className={l.hidden}
        onChange={(e) => void check(e.currentTarget.files)}
      />
      <Button
        disabled={disabled || busy || phase.kind === "review"}
        icon={phase.kind === "checking" ? <Spinner size="tiny" /> : undefined}
        onClick={() => input.current?.click()}
        className={l.start}
      >
        {phase.kind === "checking" ? t.checking : t.importButton}
      </Button>
      {phase.kind === "idle" && <NoteBar note={phase.note} />}
      {phase.kind === "review" && (
        <>
          {phase.stale && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.stale}</MessageBarBody>
            </MessageBar>
          )}
          <ImportPreview
            review={phase.review}
            choices={phase.choices}
            disabled={phase.applying}
            onChoices={(choices) => setPhase({ ...phase, choices })}
          />
          <div className={l.row}>
            <Button
              appearance="primary"
              disabled={phase.applying || phase.review.files.length === 0}
              icon={phase.applying ? <Spinner size="tiny" /> : undefined}
              onClick={() => void apply()}
            >
              {phase.applying ? t.importing : t.importNow}
            </Button>
            <Button
              disabled={phase.applying}
              onClick={() => setPhase({ kind: "idle", note: { intent: "info", text: t.cancelled } })}
            >
              {t.cancel}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
