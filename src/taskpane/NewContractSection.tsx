// "Ny kontrakt": a definition sheet from a built-in contract, from a definition one year on
// ("Kopiér til næste år", ids kept), or empty.
import { Button, Field, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useDefinitionStrings } from "./definitionStrings";
import type { ContractChoice, DefinitionSheet, NewDefinitionSource } from "../host/workbookHost";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  button: { alignSelf: "flex-start" },
  // A native select is as wide as its longest option (a contract's full title): held to the
  // pane's width, the chosen option is cut with an ellipsis and the list shows it whole.
  select: { maxWidth: "100%", minWidth: 0 },
  selectInner: { width: "100%", textOverflow: "ellipsis" },
});

export interface NewContractSectionProps {
  builtins: ContractChoice[];
  definitions: DefinitionSheet[];
  busy: boolean;
  /** The year an empty definition starts with. */
  year: number;
  onCreate: (source: NewDefinitionSource) => void;
}

export function NewContractSection({ builtins, definitions, busy, year, onCreate }: NewContractSectionProps) {
  const t = useDefinitionStrings();
  const styles = useStyles();
  const options: { key: string; label: string; source: NewDefinitionSource }[] = [
    ...definitions
      .filter((d) => d.contract)
      .map((d) => ({
        key: `next:${d.sheet}`,
        label: t.nextYear(d.sheet),
        source: { kind: "nextYear", sheet: d.sheet } as const,
      })),
    ...builtins.map((c) => ({
      key: `builtin:${c.id}`,
      label: t.fromBuiltin(c.title, c.year),
      source: { kind: "builtin", id: c.id } as const,
    })),
    { key: "empty", label: t.empty(year), source: { kind: "empty", year } as const },
  ];
  const [chosen, setChosen] = useState<string>("");
  const current = options.find((o) => o.key === chosen) ?? options[0]!;
  return (
    <section className={styles.section} aria-labelledby="rk-new-contract">
      <Subtitle2 as="h3" id="rk-new-contract">
        {t.newHeading}
      </Subtitle2>
      <Field label={t.sourceLabel}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner, title: current.label }}
          value={current.key}
          onChange={(_, data) => setChosen(data.value)}
          disabled={busy}
        >
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button className={styles.button} disabled={busy} onClick={() => onCreate(current.source)}>
        {t.create}
      </Button>
    </section>
  );
}
