/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { deferred, FakeHost } from "./fakeHost";

function disabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement | HTMLInputElement).disabled;
}

function pick(name: RegExp) {
  fireEvent.click(screen.getByRole("checkbox", { name }));
}

async function renderApp(host: FakeHost) {
  render(<App host={host} language="da" />);
  // Let the first overview read and the lazy status panel settle.
  await screen.findByRole("button", { name: "Opdatér status" });
}

test("picking contracts and building calls host.build with the chosen ids, in the host's order", async () => {
  const host = new FakeHost();
  await renderApp(host);
  const build = screen.getByRole("button", { name: "Byg ark" });
  expect(disabled(build)).toBe(true);

  pick(/Sygedagpenge/);
  pick(/jobcentrene/);
  expect(disabled(build)).toBe(false);
  fireEvent.click(build);

  expect(await screen.findByText("Færdig: 2 ark oprettet.")).toBeTruthy();
  expect(host.calls.existingSheets).toEqual([["beskaeftigelse-2007", "sygedagpenge-2007"]]);
  expect(host.calls.build).toEqual([{ ids: ["beskaeftigelse-2007", "sygedagpenge-2007"], update: false }]);
});

test("unticking a contract leaves it out", async () => {
  const host = new FakeHost();
  await renderApp(host);
  pick(/Sygedagpenge/);
  pick(/jobcentrene/);
  pick(/Sygedagpenge/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));
  await screen.findByText(/Færdig/);
  expect(host.calls.build).toEqual([{ ids: ["beskaeftigelse-2007"], update: false }]);
});

test("when the sheets exist the pane asks first, and confirming passes update: true", async () => {
  const host = new FakeHost();
  host.existing = ["Nyropsgade", "Skelbækgade"];
  host.buildResult = { created: [], updated: ["Nyropsgade", "Skelbækgade"], keptValues: 14 };
  await renderApp(host);
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));

  const dialog = await screen.findByRole("alertdialog");
  expect(within(dialog).getByText(/Nyropsgade, Skelbækgade/)).toBeTruthy();
  expect(host.calls.build).toEqual([]);

  fireEvent.click(within(dialog).getByRole("button", { name: "Opdatér arkene" }));
  expect(await screen.findByText("Færdig: 2 ark opdateret, 14 værdier bevaret.")).toBeTruthy();
  expect(host.calls.build).toEqual([{ ids: ["beskaeftigelse-2007"], update: true }]);
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  // The modal dialog hides the rest of the pane from assistive technology while open; once it
  // closes everything must be reachable again (getByRole skips aria-hidden content).
  await waitFor(() => expect(document.querySelector("[aria-hidden='true'] button")).toBeNull());
  expect(screen.getByRole("button", { name: "Byg ark" })).toBeTruthy();
});

test("cancelling the question builds nothing", async () => {
  const host = new FakeHost();
  host.existing = ["Nyropsgade"];
  await renderApp(host);
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));
  const dialog = await screen.findByRole("alertdialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "Annullér" }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(host.calls.build).toEqual([]);
  expect(disabled(screen.getByRole("button", { name: "Byg ark" }))).toBe(false);
});

test("progress is shown while building, and the picker is locked", async () => {
  const host = new FakeHost();
  const gate = deferred<void>();
  host.buildGate = gate.promise;
  host.progressSteps = [{ done: 3, total: 10, label: "Skriver ark 3 af 10" }];
  await renderApp(host);
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));

  const bar = await screen.findByRole("progressbar", { name: "Skriver ark 3 af 10" });
  expect(bar.getAttribute("aria-valuenow")).toBe("0.3");
  expect(screen.getByText("Skriver ark 3 af 10")).toBeTruthy();
  expect(disabled(screen.getByRole("button", { name: "Byg ark" }))).toBe(true);
  expect(disabled(screen.getByRole("checkbox", { name: /jobcentrene/ }))).toBe(true);

  await act(async () => gate.resolve());
  await screen.findByText(/Færdig/);
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(disabled(screen.getByRole("checkbox", { name: /jobcentrene/ }))).toBe(false);
});

test("a finished build refreshes the status", async () => {
  const host = new FakeHost();
  await renderApp(host);
  const before = host.calls.overview;
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));
  await screen.findByText(/Færdig/);
  await waitFor(() => expect(host.calls.overview).toBe(before + 1));
});

test("a failing build shows the host's Danish message in an error MessageBar", async () => {
  const host = new FakeHost();
  host.failures.build = new Error("Arket Nyropsgade er beskyttet med en adgangskode.");
  await renderApp(host);
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));

  const alert = await screen.findByRole("alert");
  expect(within(alert).getByText("Arket Nyropsgade er beskyttet med en adgangskode.")).toBeTruthy();
  expect(within(alert).getByText("Fejl")).toBeTruthy();
  expect(screen.queryByText(/Færdig/)).toBeNull();
  expect(disabled(screen.getByRole("button", { name: "Byg ark" }))).toBe(false);

  fireEvent.click(within(alert).getByRole("button", { name: "Luk" }));
  expect(screen.queryByRole("alert")).toBeNull();
});

test("a failure while looking for existing sheets is shown too", async () => {
  const host = new FakeHost();
  host.failures.existingSheets = new Error("Projektmappen kunne ikke læses.");
  await renderApp(host);
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));
  expect(await screen.findByText("Projektmappen kunne ikke læses.")).toBeTruthy();
  expect(host.calls.build).toEqual([]);
});

test("figures of goals no longer in the contract, and what this Excel could not do, are shown after an update", async () => {
  const host = new FakeHost();
  host.existing = ["CKB"];
  host.buildResult = {
    created: [],
    updated: ["CKB"],
    keptValues: 12,
    orphaned: [{ sheet: "CKB", id: "bc-b99", grundlag: 40, resultat: 38, comment: null }],
    skipped: ["Datavalidering af inputfelter (kræver ExcelApi 1.8)"],
  };
  await renderApp(host);
  pick(/jobcentrene/);
  fireEvent.click(screen.getByRole("button", { name: "Byg ark" }));
  fireEvent.click(await screen.findByRole("button", { name: "Opdatér arkene" }));

  expect(await screen.findByText("Færdig: 1 ark opdateret, 12 værdier bevaret.")).toBeTruthy();
  expect(screen.getByText("CKB bc-b99: Grundlag 40, Resultat 38")).toBeTruthy();
  expect(screen.getByText(/Datavalidering af inputfelter/)).toBeTruthy();
});

test("a contract is named once: its year is added only when the title does not already say it", () => {
  const host = new FakeHost();
  host.contractList = [
    { id: "a", title: "Resultatkontrakter for beskæftigelsescentrene 2007", year: 2007, centres: [] },
    { id: "b", title: "Resultatkontrakt for jobcentrene", year: 2008, centres: [{ code: "X", name: "X" }] },
  ];
  render(<App host={host} language="da" />);
  expect(
    screen.getByRole("checkbox", { name: "Resultatkontrakter for beskæftigelsescentrene 2007 · 0 centre" }),
  ).toBeTruthy();
  expect(
    screen.getByRole("checkbox", { name: "Resultatkontrakt for jobcentrene (2008) · 1 center" }),
  ).toBeTruthy();
});
