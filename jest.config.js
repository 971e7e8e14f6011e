// The fast loop, `npm test`: the core, the plan, both shells (over the fake Excel and exceljs) and
// the pane (jsdom). Suites that start another program are left out here and run in
// `npm run test:all` (jest.all.config.js), which CI runs after building dist/ once.
const all = require("./jest.all.config");

/** Suites that start another program or run at scale, each with why (regexes on the path). */
const SLOW = [
  "<rootDir>/tests/e2e/", // Chromium on the production build in dist/
  "<rootDir>/tests/interop/", // LibreOffice headless, pdftoppm
  "<rootDir>/tests/templates/libreoffice\\.test\\.ts$", // LibreOffice headless
  "<rootDir>/tests/templates/importFlows\\.test\\.ts$", // openpyxl (/usr/bin/python3)
  "<rootDir>/tests/templates/importRefusals\\.test\\.ts$", // openpyxl (/usr/bin/python3)
  "<rootDir>/tests/templates/roundTrip\\.test\\.ts$", // openpyxl (/usr/bin/python3)
  "<rootDir>/tests/cli/bin\\.test\\.ts$", // the real bin, spawned
  "<rootDir>/tests/redteam/", // the real bin, spawned with a small heap; FIFOs
  "<rootDir>/tests/conformance/", // xmllint and lxml (/usr/bin/python3)
  "\\.scale\\.test\\.tsx?$", // sizes far beyond the built-in contracts (name a file so to put it here)
];

/** @type {import('jest').Config} */
module.exports = { ...all, testPathIgnorePatterns: ["/node_modules/", ...SLOW] };
