// "Ny kontrakt fra bilag": choose the appendix's Word file or paste its text → a draft with its
// summary and the list of what to review → "Skriv definitionsark" writes one new sheet, or
// "Annullér" writes nothing. Loaded lazily (App.tsx); mammoth only when a .docx is read.
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { DraftResult } from "../draft/draftContract";
import { draftFromFile } from "../draft/draftFile";
import { draftFromText } from "../draft/draftText";
import { DraftError } from "../draft/errors";
import { definitionReview, draftSummary } from "../draft/reviewSheet";
import { useDraftStrings } from "./DraftStrings";
import { NoteBar, type PaneNote } from "./NoteBar";
import { readPickedFiles } from "./readFiles";
import type { WorkbookHost } from "../host/workbookHost";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  start: { alignSelf: "flex-start" },
  hidden: { display: "none" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    maxHeight: "320px",
    overflowY: "auto",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorderActive}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  where: { fontWeight: tokens.fontWeightSemibold },
});

type Phase =
  | { kind: "idle"; note?: PaneNote }
  | { kind: "drafting" }
  | { kind: "review"; result: DraftResult; source: string; writing: boolean };

export interface DraftPanelProps {
  host: WorkbookHost;
  onError: (error: unknown) => void;
  /** After a definition sheet was written. */
  onWritten?: (sheet: string) => void;
}

export function DraftPanel({ host, onError, onWritten }: DraftPanelProps) {
  const t = useDraftStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "drafting" || (phase.kind === "review" && phase.writing);

  const draft = async (read: () => Promise<{ result: DraftResult; source: string }>) => {
    setPhase({ kind: "drafting" });
    try {
      const { result, source } = await read();
      setPhase({ kind: "review", result, source, writing: false });
    } catch (error) {
      // An input that is not an appendix is the user's to fix: said here, beside the input.
      if (error instanceof DraftError)
        setPhase({ kind: "idle", note: { intent: "error", text: error.message } });
      else {
        onError(error);
        setPhase({ kind: "idle" });
      }
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  const fromFile = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    void draft(async () => {
      const [file] = await readPickedFiles([list[0]!]);
      return { result: await draftFromFile(file!.bytes, file!.name), source: file!.name };
    });
  };

  const fromText = () => void draft(async () => ({ result: draftFromText(text), source: t.pasted }));

  const write = async () => {
    if (phase.kind !== "review") return;
    setPhase({ ...phase, writing: true });
    try {
      const { sheet } = await host.addDraftDefinition({
        contract: phase.result.contract,
        review: definitionReview(phase.result),
      });
      setPhase({
        kind: "idle",
        note: { intent: "success", text: t.written(sheet, draftSummary(phase.result)) },
      });
      setText("");
      onWritten?.(sheet);
    } catch (error) {
      onError(error);
      setPhase({ ...phase, writing: false });
    }
  };

  return (
    <section aria-labelledby="rk-draft" className={styles.section}>
      <Subtitle2 as="h2" id="rk-draft">
        {t.heading}
      </Subtitle2>
      <Text size={200}>{t.hint}</Text>
      <input
        ref={input}
        type="file"
        accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label={t.fileInput}
        className={styles.hidden}
        onChange={(e) => fromFile(e.currentTarget.files)}
      />
      <Button
        className={styles.start}
        disabled={busy || phase.kind === "review"}
        icon={phase.kind === "drafting" ? <Spinner size="tiny" /> : undefined}
        onClick={() => input.current?.click()}
      >
        {phase.kind === "drafting" ? t.drafting : t.chooseFile}
      </Button>
      <Field label={t.pasteLabel}>
        <Textarea
          value={text}
          resize="vertical"
          placeholder={t.pastePlaceholder}
          disabled={busy || phase.kind === "review"}
          onChange={(_, data) => setText(data.value)}
        />
      </Field>
      <Button
        className={styles.start}
        disabled={busy || phase.kind === "review" || !text.trim()}
        onClick={fromText}
      >
        {t.draftText}
      </Button>
      {phase.kind === "idle" && <NoteBar note={phase.note} />}
      {phase.kind === "review" && (
        <Review
          phase={phase}
          onWrite={() => void write()}
          onCancel={() => setPhase({ kind: "idle", note: { intent: "info", text: t.cancelled } })}
        />
      )}
    </section>
  );
}

function Review({
  phase,
  onWrite,
  onCancel,
}: {
  phase: Extract<Phase, { kind: "review" }>;
  onWrite: () => void;
  onCancel: () => void;
}) {
  const t = useDraftStrings();
  const styles = useStyles();
  const { result } = phase;
  const review = result.review;
  return (
    <>
      <MessageBar intent={review.length ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <strong>{draftSummary(result)}</strong> — {result.contract.title} ({result.contract.year}).{" "}
          {t.source(phase.source)}.
        </MessageBarBody>
      </MessageBar>
      <Caption1>{t.centres(result.contract.centres.map((c) => `${c.code} (${c.name})`).join(", "))}</Caption1>
      <Text weight="semibold" id="rk-draft-review">
        {review.length ? t.reviewHeading(review.length) : t.nothingToReview}
      </Text>
      {review.length > 0 && (
        <ul className={styles.list} aria-labelledby="rk-draft-review" tabIndex={0}>
          {review.map((r, i) => (
            <li key={`${r.line}-${i}`} className={styles.item}>
              <Caption1 className={styles.where}>{t.line(r.line, r.goalId)}</Caption1>
              <Text size={200}>{r.reason}</Text>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={phase.writing}
          icon={phase.writing ? <Spinner size="tiny" /> : undefined}
          onClick={onWrite}
        >
          {phase.writing ? t.writing : t.write}
        </Button>
        <Button disabled={phase.writing} onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </>
  );
}
