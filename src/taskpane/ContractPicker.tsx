// Checkboxes for the built-in contracts; the chosen ids go to BuildPanel.
import { Checkbox, Subtitle2, Text } from "@fluentui/react-components";
import { useStrings } from "./i18n";
import { paneClass } from "./paneClasses";
import type { ContractChoice } from "../host/workbookHost";

/** The contract's title, with its year only when the title does not already say it. */
export function choiceTitle(c: ContractChoice): string {
  return c.title.includes(String(c.year)) ? c.title : `${c.title} (${c.year})`;
}

export interface ContractPickerProps {
  contracts: ContractChoice[];
  selected: string[];
  disabled?: boolean;
  onChange: (ids: string[]) => void;
}

export function ContractPicker({ contracts, selected, disabled, onChange }: ContractPickerProps) {
  const t = useStrings();
  const toggle = (id: string, checked: boolean) => {
    // Keep the host's order, whatever order the user clicks in.
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    onChange(contracts.map((c) => c.id).filter((cid) => next.has(cid)));
  };
  return (
    <section aria-labelledby="rk-contracts">
      <Subtitle2 as="h2" id="rk-contracts" block>
        {t.contractsHeading}
      </Subtitle2>
      {contracts.length === 0 ? (
        <Text>{t.noContracts}</Text>
      ) : (
        <>
          <Text size={200} block>
            {t.contractsHint}
          </Text>
          <div className={paneClass.stackFlat}>
            {contracts.map((c) => (
              <Checkbox
                key={c.id}
                disabled={disabled}
                checked={selected.includes(c.id)}
                onChange={(_, data) => toggle(c.id, data.checked === true)}
                label={`${choiceTitle(c)} · ${t.centres(c.centres.length)}`}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
