// The themes the pane needs only in dark Office or Windows high contrast: a chunk of their own.
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
