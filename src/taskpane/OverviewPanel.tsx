// Per-centre status counts and the goals that need attention; a click selects the goal's row.
import { Badge, Button, Link, Spinner, Subtitle2, Text } from "@fluentui/react-components";
import type { BadgeProps } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import { useStrings } from "./i18n";
import type { Strings } from "./i18n";
import { useTemplateStrings } from "./templateStrings";
import type { AttentionRow, CentreOverview } from "./workbookHost";
import { STATUS_COLOURS } from "../sheets/styles";

type CountedStatus = keyof CentreOverview["counts"];

const ORDER: CountedStatus[] = ["met", "not_met", "missing", "invalid"];

const COLOUR: Record<CountedStatus, BadgeProps["color"]> = {
  met: "success",
  not_met: "danger",
  missing: "warning",
  invalid: "brand",
};

/** Fluent has no purple badge; Ugyldig gets the sheet's own purple so pane and sheet agree. */
const INVALID = STATUS_COLOURS.invalid;
function badgeStyle(status: CountedStatus, filled: boolean): CSSProperties | undefined {
  if (status !== "invalid") return undefined;
  return filled
    ? { backgroundColor: `#${INVALID.font}`, color: "#FFFFFF", borderColor: `#${INVALID.font}` }
    : { backgroundColor: `#${INVALID.fill}`, color: `#${INVALID.font}`, borderColor: `#${INVALID.fill}` };
}

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

export interface OverviewPanelProps {
  overview: CentreOverview[] | null;
  loading: boolean;
  onRefresh: () => void;
  onSelect: (row: AttentionRow) => void;
}

export function OverviewPanel({ overview, loading, onRefresh, onSelect }: OverviewPanelProps) {
  const t = useStrings();
  return (
    <section aria-labelledby="rk-overview" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
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
          {overview.map((centre) => (
            <CentreCard key={centre.sheet} centre={centre} onSelect={onSelect} />
          ))}
          {overview.every((centre) => centre.attention.length === 0) && <Text>{t.allGood}</Text>}
        </>
      )}
    </section>
  );
}

function CentreCard({ centre, onSelect }: { centre: CentreOverview; onSelect: (row: AttentionRow) => void }) {
  const t = useStrings();
  const tt = useTemplateStrings();
  return (
    <div data-testid={`centre-${centre.code}`} style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text weight="semibold">{centre.name}</Text>
      {centre.trips && (
        <Text size={200} data-testid={`trips-${centre.code}`}>
          {tt.trip(centre.trips, centre.counts.missing)}
        </Text>
      )}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 4 }}>
        {ORDER.map((status) => (
          <Badge
            key={status}
            appearance={centre.counts[status] > 0 ? "filled" : "outline"}
            color={centre.counts[status] > 0 ? COLOUR[status] : "informative"}
            style={centre.counts[status] > 0 ? badgeStyle(status, true) : undefined}
          >
            {`${statusLabel(t, status)}: ${centre.counts[status]}`}
          </Badge>
        ))}
      </div>
      {centre.attention.length > 0 && (
        <ul aria-label={`${t.attentionHeading}: ${centre.name}`} style={{ margin: 0, paddingLeft: 16 }}>
          {centre.attention.map((row) => (
            <li key={`${row.goalId}-${row.row}`} style={{ marginBottom: 4 }}>
              <Link as="button" title={t.goToRow(row.sheet, row.row)} onClick={() => onSelect(row)}>
                {row.text}
              </Link>{" "}
              <Badge
                size="small"
                appearance="tint"
                color={COLOUR[row.status]}
                style={badgeStyle(row.status, false)}
              >
                {statusLabel(t, row.status)}
              </Badge>
              {row.message && (
                <Text size={200} block>
                  {row.message}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
