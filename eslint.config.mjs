// ESLint flat config for the whole repository (`npx eslint .`).
// The Office rules are wired by hand: the plugin's own "recommended" preset only matches
// .js/.ts files (not .tsx) and adds prettier as a lint rule, which is how a template's React
// lint config ended up silently checking nothing. tests/lint/lintRules.test.ts proves they fire.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

export default defineConfig(
  {
    ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "test-output/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? TS_FILES })),
  {
    files: TS_FILES,
    rules: {
      // `_`-prefixed parameters are deliberate (callbacks with a fixed signature).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // Node scripts and tool configs: CommonJS with require().
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    // The old-webview guard runs where only ES5 parses (Internet Explorer 11): linted as ES5.
    files: ["src/pages/oldWebviewGuard.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: { ...globals.browser, Office: "readonly" },
    },
    // ES5 has no catch without a binding.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // Add-in code runs in Office's webview with office.js loaded as globals. The Office rules
    // recognise proxy objects by method names (getItem, getCell, …), so they skip the exceljs
    // shell and the Node CLI, which never see Office.js: there they only raise false alarms.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/xlsx/**", "src/cli/**"],
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
    },
  },
  {
    // No shell imports another shell's code: the pane and the Office.js shell meet in
    // host/workbookHost.ts, and the pane's composition roots (taskpane/index.tsx, commands.ts)
    // load the Office.js host with a dynamic import(), which this rule leaves alone.
    files: ["src/excel/**", "src/xlsx/**", "src/cli/**", "src/commands/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/taskpane/*"], message: "Shells meet in src/host/, not in taskpane/." }] },
      ],
    },
  },
  {
    files: ["src/taskpane/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel/*", "**/xlsx/*", "**/cli/*"],
              message: "The pane talks to Excel through the WorkbookHost it is handed (src/host/).",
            },
          ],
        },
      ],
    },
  },
  {
    // The interface itself belongs to no shell.
    files: ["src/host/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/*", "**/excel/*", "**/xlsx/*", "**/cli/*"],
              message: "src/host/ names what the pane needs; it imports the core only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.tsx", "tests/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
);
