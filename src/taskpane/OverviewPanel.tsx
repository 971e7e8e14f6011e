// Per-centre status counts and the goals that need attention, worst centre and worst goal first.
// Each centre's list folds away (closed at first), so nine centres stay a short pane and the
// actions below stay in reach; a goal shows its id and its text cut to two lines (all of it on
// hover and for screen readers). A click selects the goal's row.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { BadgeProps } from "@fluentui/react-components";
import { useStrings } from "./i18n";
import type { Strings } from "./i18n";
import { useTemplateStrings } from "./templateStrings";
import type { AttentionRow, CentreOverview } from "../host/workbookHost";

type CountedStatus = keyof CentreOverview["counts"];

const ORDER: CountedStatus[] = ["met", "not_met", "missing", "invalid"];

/** Worst first: a goal not met, then one that cannot be judged, then one waiting for figures. */
const SEVERITY: Record<AttentionRow["status"], number> = { not_met: 0, invalid: 1, missing: 2 };

/** Up to this many goals needing attention in the whole workbook, every list starts open. */
export const OPEN_UP_TO = 6;

const COLOUR: Record<CountedStatus, BadgeProps["color"]> = {
  met: "success",
  not_met: "danger",
  missing: "warning",
  invalid: "brand",
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  centre: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  // Fluent has no purple badge; Ugyldig keeps the sheet's purple, from Fluent's grape palette.
  invalid: {
    backgroundColor: tokens.colorPaletteGrapeBackground2,
    color: tokens.colorPaletteGrapeForeground2,
    borderTopColor: tokens.colorPaletteGrapeBorderActive,
    borderRightColor: tokens.colorPaletteGrapeBorderActive,
    borderBottomColor: tokens.colorPaletteGrapeBorderActive,
    borderLeftColor: tokens.colorPaletteGrapeBorderActive,
  },
  header: { paddingLeft: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    paddingLeft: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  rowTop: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS },
  goal: { textAlign: "left", minWidth: 0, flexGrow: 1 },
  goalId: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  // Two lines of the goal's text; the whole text stays in the DOM (and the tooltip).
  short: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
  rowBadge: { flexShrink: 0 },
  message: { color: tokens.colorNeutralForeground2 },
});

export function statusLabel(t: Strings, status: CountedStatus): string {
  switch (status) {
    case "met":
      return t.statusMet;
    case "not_met":
      return t.statusNotMet;
    case "missing":
      return t.statusMissing;
    case "invalid":
      return t.statusInvalid;
  }
}

/** Centres with goals not met or invalid first, then by goals waiting for figures; ties keep sheet order. */
export function worstFirst(overview: CentreOverview[]): CentreOverview[] {
  const weight = (c: CentreOverview) => [c.counts.not_met + c.counts.invalid, c.counts.missing];
  return overview
    .map((centre, i) => ({ centre, i }))
    .sort((a, b) => {
      const [x1, x2] = weight(a.centre);
      const [y1, y2] = weight(b.centre);
      return y1! - x1! || y2! - x2! || a.i - b.i;
    })
    .map((x) => x.centre);
}

export interface OverviewPanelProps {
  overview: CentreOverview[] | null;
  loading: boolean;
  onRefresh: () => void;
  onSelect: (row: AttentionRow) => void;
}

export function OverviewPanel({ overview, loading, onRefresh, onSelect }: OverviewPanelProps) {
  const t = useStrings();
  const s = useStyles();
  return (
    <section aria-labelledby="rk-overview" className={s.section}>
      <div className={s.heading}>
        <Subtitle2 as="h2" id="rk-overview">
          {t.overviewHeading}
        </Subtitle2>
        <Button size="small" disabled={loading} onClick={onRefresh}>
          {t.refresh}
        </Button>
        {loading && <Spinner size="extra-tiny" aria-label={t.refreshing} />}
      </div>
      {overview === null ? (
        loading ? (
          <Spinner size="tiny" labelPosition="after" label={t.refreshing} />
        ) : null
      ) : overview.length === 0 ? (
        <Text>{t.noCentres}</Text>
      ) : (
        <>
          {worstFirst(overview).map((centre) => (
            <CentreCard
              key={centre.sheet}
              centre={centre}
              onSelect={onSelect}
              open={overview.reduce((n, c) => n + c.attention.length, 0) <= OPEN_UP_TO}
            />
          ))}
          {overview.every((centre) => centre.attention.length === 0) && <Text>{t.allGood}</Text>}
        </>
      )}
    </section>
  );
}

interface CentreCardProps {
  centre: CentreOverview;
  onSelect: (row: AttentionRow) => void;
  /** Show the goals at first (few in the whole workbook), or fold them away (many). */
  open: boolean;
}

function CentreCard({ centre, onSelect, open }: CentreCardProps) {
  const t = useStrings();
  const tt = useTemplateStrings();
  const s = useStyles();
  const rows = [...centre.attention].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || a.row - b.row);
  return (
    <div data-testid={`centre-${centre.code}`} className={s.centre}>
      <Text weight="semibold">{centre.name}</Text>
      {centre.trips && (
        <Text size={200} data-testid={`trips-${centre.code}`}>
          {tt.trip(centre.trips, centre.counts.missing)}
        </Text>
      )}
      <div className={s.badges} role="group" aria-label={t.statusOf(centre.name)}>
        {ORDER.map((status) => {
          const some = centre.counts[status] > 0;
          return (
            <Badge
              key={status}
              appearance={some ? "filled" : "outline"}
              color={some ? COLOUR[status] : "informative"}
              className={some && status === "invalid" ? s.invalid : undefined}
            >
              {`${statusLabel(t, status)}: ${centre.counts[status]}`}
            </Badge>
          );
        })}
      </div>
      {rows.length > 0 && (
        <Accordion collapsible defaultOpenItems={open ? ["attention"] : []}>
          <AccordionItem value="attention">
            <AccordionHeader size="small" className={s.header}>
              {t.attentionCount(rows.length)}
            </AccordionHeader>
            <AccordionPanel>
              <ul aria-label={`${t.attentionHeading}: ${centre.name}`} className={s.list}>
                {rows.map((row) => (
                  <AttentionItem key={`${row.goalId}-${row.row}`} row={row} onSelect={onSelect} />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}

function AttentionItem({ row, onSelect }: { row: AttentionRow; onSelect: (row: AttentionRow) => void }) {
  const t = useStrings();
  const s = useStyles();
  return (
    <li className={s.row}>
      <div className={s.rowTop}>
        <Link
          as="button"
          className={s.goal}
          title={`${row.text}\n${t.goToRow(row.sheet, row.row)}`}
          onClick={() => onSelect(row)}
        >
          <span className={s.short}>
            <span className={s.goalId}>{row.goalId}</span> {row.text}
          </span>
        </Link>
        <Badge
          size="small"
          appearance="tint"
          color={COLOUR[row.status]}
          className={mergeClasses(s.rowBadge, row.status === "invalid" && s.invalid)}
        >
          {statusLabel(t, row.status)}
        </Badge>
      </div>
      {row.message && (
        <Text size={200} className={s.message}>
          {row.message}
        </Text>
      )}
    </li>
  );
}
