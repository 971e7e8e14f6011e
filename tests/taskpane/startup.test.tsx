/** @jest-environment ./tests/support/paneEnvironment.js */
// index.tsx: where the pane runs decides what it shows.
import "./domStubs";
import { screen, waitFor } from "@testing-library/react";
import { centre, FakeHost } from "./fakeHost";

type Globals = { Office?: unknown; Excel?: unknown; IS_REACT_ACT_ENVIRONMENT?: boolean };
const globals = globalThis as Globals;

function fakeOffice(host: string | null) {
  return {
    HostType: { Excel: "Excel", Word: "Word" },
    context: { displayLanguage: "da-DK" },
    onReady: () => Promise.resolve({ host, platform: null }),
  };
}

// index.tsx makes its own React root, as in the browser; updates then arrive outside act(),
// so tell React this file is not an act() environment and let findBy* wait for them.
let actEnvironment: boolean | undefined;
beforeAll(() => {
  actEnvironment = globals.IS_REACT_ACT_ENVIRONMENT;
  globals.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  globals.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
});

function startPane(): void {
  document.body.innerHTML = '<div id="root"></div>';
  // A fresh module registry per start (not isolateModules: the pane's lazy import() chunks load
  // later and must see the same React as the pane itself).
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../src/taskpane/index");
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  delete window.__RK_TEST_HOST__;
  jest.dontMock("../../src/excel/officeHost");
  document.body.innerHTML = "";
});

test("in a plain browser (no office.js) the pane says to open it from Excel", async () => {
  startPane();
  expect(await screen.findByText("Åbn Resultatkontrakter fra Excel")).toBeTruthy();
  expect(screen.getByText(/Upload mit tilføjelsesprogram/)).toBeTruthy();
});

test("with office.js but outside Office (host null) the pane says the same", async () => {
  globals.Office = fakeOffice(null);
  startPane();
  expect(await screen.findByText("Åbn Resultatkontrakter fra Excel")).toBeTruthy();
});

test("in another Office application the pane says the same", async () => {
  globals.Office = fakeOffice("Word");
  startPane();
  expect(await screen.findByText("Åbn Resultatkontrakter fra Excel")).toBeTruthy();
});

test("in Excel the pane gets the Office host, loaded lazily", async () => {
  globals.Office = fakeOffice("Excel");
  globals.Excel = {};
  const host = new FakeHost();
  host.overviewResult = [centre()];
  jest.doMock("../../src/excel/officeHost", () => ({ createOfficeHost: () => host }));
  startPane();
  expect(await screen.findByTestId("centre-Nyropsgade")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Byg ark" })).toBeTruthy();
});

test("when the Excel link cannot be made, its Danish message is shown", async () => {
  globals.Office = fakeOffice("Excel");
  globals.Excel = {};
  jest.doMock("../../src/excel/officeHost", () => ({
    createOfficeHost: () => {
      throw new Error("Excel-forbindelsen er ikke bygget endnu");
    },
  }));
  startPane();
  expect(await screen.findByText("Resultatkontrakter kunne ikke starte")).toBeTruthy();
  expect(screen.getByText("Excel-forbindelsen er ikke bygget endnu")).toBeTruthy();
});

test("an injected test host (window.__RK_TEST_HOST__) drives the real pane without Office", async () => {
  const host = new FakeHost();
  host.overviewResult = [centre()];
  window.__RK_TEST_HOST__ = host;
  startPane();
  expect(await screen.findByTestId("centre-Nyropsgade")).toBeTruthy();
  await waitFor(() => expect(host.calls.overview).toBe(1));
});
