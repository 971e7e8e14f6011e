// Layout rules of the pane's lazily loaded parts (templates, import preview): Fluent spacing and
// colour tokens through makeStyles, no inline styles, so they follow the theme and keep their
// rhythm at 270–350 px. The first download's parts use paneClasses.ts instead (bundle budget).
import { makeStyles, tokens } from "@fluentui/react-components";

export const useLayoutStyles = makeStyles({
  /** A vertical stack of a section's parts. */
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  /** A stack of closely related lines. */
  tight: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  /** Buttons side by side, wrapping when the pane is narrow. */
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  /** A button at its own width, not stretched across the pane. */
  start: { alignSelf: "flex-start", maxWidth: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  /** File names have no spaces to break at. */
  breakAnywhere: { overflowWrap: "anywhere" },
  /** A card in a list of cards, set off by a thin line in the theme's stroke colour. */
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalSNudge,
  },
  hidden: { display: "none" },
});
