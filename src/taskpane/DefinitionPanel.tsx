// The definition sheets of the workbook: pick one, build its centre sheets (nothing is built
// while it has problems; each problem links to its cell), or make a new one ("Ny kontrakt").
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CarryReport } from "../definition/carryFromLastYear";
import type { DefinitionProblem } from "../definition/problems";
import { DefinitionProblems } from "./DefinitionProblems";
import { useDefinitionStrings } from "./definitionStrings";
import { useStrings } from "./i18n";
import { NewContractSection } from "./NewContractSection";
import type {
  ContractChoice,
  DefinitionSheet,
  NewDefinitionSource,
  WorkbookHost,
} from "../host/workbookHost";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  button: { alignSelf: "flex-start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface DefinitionPanelProps {
  host: WorkbookHost;
  builtins: ContractChoice[];
  onError: (error: unknown) => void;
  /** After a build: the overview is out of date. */
  onBuilt: () => void;
  /** The year an empty definition starts with (default: this year). */
  year?: number;
}

type Outcome =
  | { kind: "problems"; sheet: string; problems: DefinitionProblem[] }
  | { kind: "built"; message: string; carry?: CarryReport }
  | { kind: "created"; sheet: string };

export function DefinitionPanel({ host, builtins, onError, onBuilt, year }: DefinitionPanelProps) {
  const t = useDefinitionStrings();
  const common = useStrings();
  const styles = useStyles();
  const [definitions, setDefinitions] = useState<DefinitionSheet[] | null>(null);
  const [selected, setSelected] = useState<string>("");
  const [carry, setCarry] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const load = useCallback(async () => {
    try {
      const found = await host.definitions();
      if (!mounted.current) return;
      setDefinitions(found);
      setSelected((previous) =>
        found.some((d) => d.sheet === previous) ? previous : (found[0]?.sheet ?? ""),
      );
    } catch (error) {
      onError(error);
    }
  }, [host, onError]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
    } catch (error) {
      onError(error);
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  const build = () =>
    act(async () => {
      const sheet = selected;
      const result = await host.buildDefinition(sheet, { update: true, carryFromLastYear: carry });
      if (result.kind === "problems") {
        setOutcome({ kind: "problems", sheet, problems: result.problems });
        return;
      }
      setOutcome({ kind: "built", message: common.buildDone(result.result), carry: result.carry });
      onBuilt();
    });

  const create = (source: NewDefinitionSource) =>
    act(async () => {
      const sheet = await host.newDefinition(source);
      setOutcome({ kind: "created", sheet });
      await load();
      setSelected(sheet);
    });

  const select = (p: DefinitionProblem) => {
    host.selectCell(p.sheet, p.cell).catch(onError);
  };

  const chosen = definitions?.find((d) => d.sheet === selected);
  return (
    <section className={styles.section} aria-labelledby="rk-definitions">
      <Subtitle2 as="h2" id="rk-definitions">
        {t.heading}
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        {t.hint}
      </Text>
      {definitions === null && <Spinner size="tiny" labelPosition="after" label={t.loading} />}
      {definitions !== null && definitions.length === 0 && <Text>{t.none}</Text>}
      {definitions !== null && definitions.length > 0 && (
        <RadioGroup
          value={selected}
          onChange={(_, data) => setSelected(data.value)}
          aria-labelledby="rk-definitions"
        >
          {definitions.map((d) => (
            <Radio
              key={d.sheet}
              value={d.sheet}
              disabled={busy}
              label={
                d.contract
                  ? `${d.sheet} — ${t.contractLine(d.contract.id, d.contract.year, d.contract.centres.length)}`
                  : `${d.sheet} — ${t.problems(d.problems.length)}`
              }
            />
          ))}
        </RadioGroup>
      )}
      {chosen && chosen.problems.length > 0 && outcome?.kind !== "problems" && (
        <DefinitionProblems sheet={chosen.sheet} problems={chosen.problems} onSelect={select} />
      )}
      {definitions !== null && definitions.length > 0 && (
        <>
          <Checkbox
            checked={carry}
            disabled={busy}
            onChange={(_, data) => setCarry(data.checked === true)}
            label={t.carryLabel}
          />
          <Button
            appearance="primary"
            className={styles.button}
            disabled={busy || !selected}
            onClick={() => void build()}
          >
            {t.buildButton}
          </Button>
        </>
      )}
      <Button className={styles.button} size="small" disabled={busy} onClick={() => void load()}>
        {t.refresh}
      </Button>
      {busy && <Spinner size="tiny" labelPosition="after" label={t.building} />}
      {outcome?.kind === "problems" && (
        <DefinitionProblems sheet={outcome.sheet} problems={outcome.problems} onSelect={select} />
      )}
      {outcome?.kind === "created" && (
        <MessageBar intent="success">
          <MessageBarBody>{t.created(outcome.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "built" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {outcome.message}
            {outcome.carry && (
              <>
                <div>{t.carried(outcome.carry)}</div>
                <ul className={styles.list} aria-label={t.carried(outcome.carry)}>
                  {outcome.carry.carried.map((c) => (
                    <li key={`${c.sheet}-${c.rowId}`}>
                      {c.centre} {c.rowId}: {c.value.toLocaleString("da-DK")}
                    </li>
                  ))}
                </ul>
                {outcome.carry.notCarried.length > 0 && (
                  <>
                    <div>{t.notCarried(outcome.carry.notCarried.length)}</div>
                    <ul className={styles.list} aria-label={t.notCarried(outcome.carry.notCarried.length)}>
                      {outcome.carry.notCarried.map((n) => (
                        <li key={`${n.sheet}-${n.rowId}`}>
                          {n.centre} {n.rowId}: {n.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <NewContractSection
        builtins={builtins}
        definitions={definitions ?? []}
        busy={busy}
        year={year ?? new Date().getFullYear()}
        onCreate={(source) => void create(source)}
      />
    </section>
  );
}
