// The problems of a definition sheet, each a link that selects its cell.
import { Link, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { DefinitionProblem } from "../definition/problems";
import { useDefinitionStrings } from "./definitionStrings";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface DefinitionProblemsProps {
  sheet: string;
  problems: DefinitionProblem[];
  onSelect: (p: DefinitionProblem) => void;
}

export function DefinitionProblems({ sheet, problems, onSelect }: DefinitionProblemsProps) {
  const t = useDefinitionStrings();
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {t.problemsHeading(sheet)}
        <ul className={styles.list} aria-label={t.problemsHeading(sheet)}>
          {problems.map((p) => (
            <li key={`${p.sheet}!${p.cell}:${p.message}`}>
              <Link as="button" onClick={() => onSelect(p)}>
                {t.problemLink(p)}
              </Link>
            </li>
          ))}
        </ul>
        {t.nothingBuilt}
      </MessageBarBody>
    </MessageBar>
  );
}
