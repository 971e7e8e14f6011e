// What importing the checked files would do, before anything is written: per file the new
// figures, the conflicts (each with keep/replace), the unchanged ones, and the input cells that
// are not imported with their A1 address and why; skipped and refused files above them.
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { shownValue, useTemplateStrings, type TemplateStrings } from "./templateStrings";
import type {
  ConflictChoice,
  FieldReview,
  FileReview,
  ImportChoices,
  ImportReview,
} from "../templates/importTypes";
import { useLayoutStyles } from "./layoutStyles";

export interface ImportPreviewProps {
  review: ImportReview;
  choices: ImportChoices;
  disabled: boolean;
  onChoices: (choices: ImportChoices) => void;
}

export function ImportPreview({ review, choices, disabled, onChoices }: ImportPreviewProps) {
  const l = useLayoutStyles();
  const t = useTemplateStrings();
  const anyConflict = review.files.some((f) => f.fields.some((x) => x.kind === "conflict"));
  const choose = (key: string, c: ConflictChoice) =>
    onChoices({ ...choices, perConflict: { ...choices.perConflict, [key]: c } });
  return (
    <div className={l.stack}>
      {review.skipped.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.skippedTitle}</MessageBarTitle>
            <Lines lines={review.skipped.map((s) => s.message)} />
          </MessageBarBody>
        </MessageBar>
      )}
      {review.refused.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="refused">
          <MessageBarBody>
            <MessageBarTitle>{t.refusedTitle(review.refused.length)}</MessageBarTitle>
            <Lines lines={review.refused.map((r) => r.message)} />
            {review.files.length > 0 && <Text block>{t.refusedNote}</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      {review.files.length === 0 && <Text>{t.nothingToImport}</Text>}
      {anyConflict && (
        <RadioGroup
          aria-label={t.conflictQuestion}
          disabled={disabled}
          value={choices.conflicts}
          // A new choice for the whole import resets the choices made one conflict at a time.
          onChange={(_, data) => onChoices({ conflicts: data.value as ConflictChoice, perConflict: {} })}
        >
          <Text weight="semibold">{t.conflictQuestion}</Text>
          <Radio value="keep" label={t.keepAll} />
          <Radio value="replace" label={t.replaceAll} />
        </RadioGroup>
      )}
      {review.files.map((f) => (
        <FileCard key={f.file} file={f} t={t} choices={choices} disabled={disabled} onChoose={choose} />
      ))}
    </div>
  );
}

function Lines({ lines }: { lines: string[] }) {
  const l = useLayoutStyles();
  return (
    <ul className={l.list}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

interface FileCardProps {
  file: FileReview;
  t: TemplateStrings;
  choices: ImportChoices;
  disabled: boolean;
  onChoose: (key: string, choice: ConflictChoice) => void;
}

function FileCard({ file, t, choices, disabled, onChoose }: FileCardProps) {
  const l = useLayoutStyles();
  const of = (kind: FieldReview["kind"]) => file.fields.filter((x) => x.kind === kind);
  const added = of("new");
  const conflicts = of("conflict");
  const unchanged = of("unchanged");
  const label = (x: FieldReview) => `${x.goalId} ${t.field[x.field]} (${x.address})`;
  return (
    <section
      aria-label={`${file.centreName} (${file.centre})`}
      data-testid={`review-${file.centre}`}
      className={l.card}
    >
      <Text weight="semibold">{`${file.centreName} (${file.centre})`}</Text>
      <Text size={200} className={l.breakAnywhere}>
        {t.fileLine(file, { added: added.length, unchanged: unchanged.length, conflicts: conflicts.length })}
      </Text>
      {file.fields.length === 0 && <Text size={200}>{t.noFigures}</Text>}
      {conflicts.length > 0 && (
        <FieldList heading={t.conflictHeading(conflicts.length)}>
          {conflicts.map((x) => (
            <li key={x.key} className={l.item}>
              <Text size={200} block title={x.goalText}>
                {`${label(x)}: ${t.workbookHas(shownValue(t, x.old, x.oldFormula), shownValue(t, x.value))}`}
              </Text>
              <RadioGroup
                layout="horizontal"
                aria-label={t.choiceFor(x.goalId, t.field[x.field])}
                disabled={disabled}
                value={choices.perConflict?.[x.key] ?? choices.conflicts}
                onChange={(_, data) => onChoose(x.key, data.value as ConflictChoice)}
              >
                <Radio value="keep" label={t.keep} />
                <Radio value="replace" label={t.replace} />
              </RadioGroup>
            </li>
          ))}
        </FieldList>
      )}
      {added.length > 0 && (
        <FieldList heading={t.newHeading(added.length)}>
          {added.map((x) => (
            <li key={x.key}>
              <Text size={200} title={x.goalText}>{`${label(x)}: ${shownValue(t, x.value)}`}</Text>
            </li>
          ))}
        </FieldList>
      )}
      {unchanged.length > 0 && (
        <details>
          <summary>
            <Text size={200}>{t.unchangedHeading(unchanged.length)}</Text>
          </summary>
          <ul className={l.list}>
            {unchanged.map((x) => (
              <li key={x.key}>
                <Text size={200} title={x.goalText}>{`${label(x)}: ${shownValue(t, x.value)}`}</Text>
              </li>
            ))}
          </ul>
        </details>
      )}
      {file.rejected.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.rejectedTitle}</MessageBarTitle>
            <Lines lines={file.rejected.map((r) => r.reason)} />
          </MessageBarBody>
        </MessageBar>
      )}
      {file.unknownIds.length > 0 && <Text size={200}>{t.unknownRows(file.unknownIds)}</Text>}
    </section>
  );
}

function FieldList({ heading, children }: { heading: string; children: ReactNode }) {
  const l = useLayoutStyles();
  return (
    <div>
      <Text size={200} weight="semibold" block>
        {heading}
      </Text>
      <ul aria-label={heading} className={l.list}>
        {children}
      </ul>
    </div>
  );
}
