// Everything, `npm run test:all` (what CI runs): the fast loop of jest.config.js plus the suites
// that start LibreOffice, openpyxl, Chromium or the real bin. The e2e test serves dist/ as it is:
// `npm run test:all` builds it once before jest starts.

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 120000,
  // Jest's default is one worker less than the cores: a single worker on a 2-core machine.
  maxWorkers: "100%",
  setupFilesAfterEnv: ["<rootDir>/tests/support/jestSetup.js"],
  reporters: ["default", "<rootDir>/tests/support/summaryReporter.js"],
};
