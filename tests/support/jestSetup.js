// Runs before every test file. In the pane's jsdom tests, Testing Library's findBy…/waitFor give
// up after 1 s by default; with seven jobs sharing two cores, the pane can take longer than that
// to render, and a correct pane failed. A passing test is not slowed down by the longer limit.
if (typeof document !== "undefined") {
  require("@testing-library/dom").configure({ asyncUtilTimeout: 10000 });
}
