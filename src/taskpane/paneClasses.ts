// Layout classes of the parts of the pane in its first download. Their rules are in
// taskpane.html and use only Fluent's tokens, as the CSS variables FluentProvider sets
// (var(--spacingVerticalS), var(--colorNeutralBackground1)): makeStyles with `tokens` would pull
// Griffel's style compiler into the first download (12 KB gzip, over the 90 KB budget). The lazy
// parts of the pane use makeStyles (layoutStyles.ts).
export const paneClass = {
  /** The provider paints the theme's background over the whole pane, not only behind the content. */
  fill: "rk-fill",
  page: "rk-page",
  stack: "rk-stack",
  stackFlat: "rk-stack-flat",
  /** A button at its own width, not stretched across the pane. */
  start: "rk-start",
  list: "rk-list",
  /** A thin line between the pane's parts, in the theme's stroke colour. */
  rule: "rk-rule",
} as const;
