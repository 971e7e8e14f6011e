/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, REFRESH_DEBOUNCE_MS } from "../../src/taskpane/App";
import { attention, centre, FakeHost } from "./fakeHost";

afterEach(() => {
  jest.useRealTimers();
});

test("the overview shows each centre's counts and the goals that need attention", async () => {
  const host = new FakeHost();
  host.overviewResult = [
    centre(),
    centre({
      code: "CJF",
      name: "Center for Job og Fleksibilitet",
      sheet: "CJF",
      counts: { met: 5, not_met: 0, missing: 0, invalid: 1 },
      attention: [
        attention({
          goalId: "g-7",
          text: "Andel fleksjob",
          status: "invalid",
          message: "Skriv et tal, fx 12,5.",
          sheet: "CJF",
          row: 20,
        }),
      ],
    }),
  ];
  render(<App host={host} language="da" />);

  const nyrop = await screen.findByTestId("centre-Nyropsgade");
  expect(within(nyrop).getByText("Jobcenter Nyropsgade")).toBeTruthy();
  expect(within(nyrop).getByText("Opfyldt: 3")).toBeTruthy();
  expect(within(nyrop).getByText("Ikke opfyldt: 1")).toBeTruthy();
  expect(within(nyrop).getByText("Mangler data: 2")).toBeTruthy();
  expect(within(nyrop).getByText("Ugyldig: 0")).toBeTruthy();
  expect(within(nyrop).getByRole("button", { name: "g-1 Færre langvarige sygemeldinger" })).toBeTruthy();
  expect(within(nyrop).getByText("Faldet er 4 %, kravet er mindst 10 %.")).toBeTruthy();

  const cjf = screen.getByTestId("centre-CJF");
  expect(within(cjf).getByText("Opfyldt: 5")).toBeTruthy();
  expect(within(cjf).getByText("Ugyldig: 1")).toBeTruthy();
  const list = within(cjf).getByRole("list", {
    name: "Kræver opmærksomhed: Center for Job og Fleksibilitet",
  });
  expect(within(list).getByRole("button", { name: "g-7 Andel fleksjob" })).toBeTruthy();
  expect(within(list).getByText("Ugyldig")).toBeTruthy();
});

test("clicking a goal that needs attention selects its row", async () => {
  const host = new FakeHost();
  host.overviewResult = [centre()];
  render(<App host={host} language="da" />);
  fireEvent.click(await screen.findByRole("button", { name: "g-1 Færre langvarige sygemeldinger" }));
  await waitFor(() => expect(host.calls.selectRow).toEqual([{ sheet: "Nyropsgade", row: 12 }]));
});

test("a failing selectRow shows the message", async () => {
  const host = new FakeHost();
  host.overviewResult = [centre()];
  host.failures.selectRow = new Error("Arket Nyropsgade findes ikke længere.");
  render(<App host={host} language="da" />);
  fireEvent.click(await screen.findByRole("button", { name: "g-1 Færre langvarige sygemeldinger" }));
  const alert = await screen.findByRole("alert");
  expect(within(alert).getByText("Arket Nyropsgade findes ikke længere.")).toBeTruthy();
});

test("an empty workbook says so, and all-met centres say all is well", async () => {
  const empty = new FakeHost();
  const { unmount } = render(<App host={empty} language="da" />);
  expect(await screen.findByText(/ingen kontraktark/)).toBeTruthy();
  unmount();

  const good = new FakeHost();
  good.overviewResult = [centre({ counts: { met: 6, not_met: 0, missing: 0, invalid: 0 }, attention: [] })];
  render(<App host={good} language="da" />);
  expect(await screen.findByText("Alle mål er opfyldt.")).toBeTruthy();
});

test("changes in the workbook refresh the overview once typing pauses (debounced)", async () => {
  jest.useFakeTimers();
  const host = new FakeHost();
  host.overviewResult = [centre()];
  render(<App host={host} language="da" />);
  await screen.findByTestId("centre-Nyropsgade");
  await waitFor(() => expect(host.listenerCount).toBe(1));
  expect(host.calls.overview).toBe(1);

  // Three edits, 100 ms apart: one refresh, REFRESH_DEBOUNCE_MS after the last.
  for (let i = 0; i < 3; i++) {
    act(() => {
      host.change();
      jest.advanceTimersByTime(100);
    });
  }
  expect(host.calls.overview).toBe(1);
  act(() => {
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS - 101);
  });
  expect(host.calls.overview).toBe(1);

  host.overviewResult = [centre({ counts: { met: 4, not_met: 0, missing: 2, invalid: 0 }, attention: [] })];
  await act(async () => {
    jest.advanceTimersByTime(1);
  });
  expect(host.calls.overview).toBe(2);
  expect(await screen.findByText("Opfyldt: 4")).toBeTruthy();
  expect(REFRESH_DEBOUNCE_MS).toBeGreaterThanOrEqual(300);
  expect(REFRESH_DEBOUNCE_MS).toBeLessThanOrEqual(500);
});

test("closing the pane unsubscribes and a pending refresh never runs", async () => {
  jest.useFakeTimers();
  const host = new FakeHost();
  const { unmount } = render(<App host={host} language="da" />);
  await waitFor(() => expect(host.listenerCount).toBe(1));
  act(() => host.change());
  unmount();
  expect(host.calls.unsubscribed).toBe(1);
  act(() => {
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS * 2);
  });
  expect(host.calls.overview).toBe(1);
});

test("the refresh button reads the sheets again", async () => {
  const host = new FakeHost();
  render(<App host={host} language="da" />);
  const button = await screen.findByRole("button", { name: "Opdatér status" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  await waitFor(() => expect(host.calls.overview).toBe(2));
});

test("a failing overview or subscription is shown, not swallowed", async () => {
  const host = new FakeHost();
  host.failures.overview = new Error("Arket Nyropsgade kunne ikke læses.");
  host.failures.onChanged = new Error("Excel kan ikke melde ændringer i denne version.");
  render(<App host={host} language="da" />);
  expect(await screen.findByText("Arket Nyropsgade kunne ikke læses.")).toBeTruthy();
  expect(await screen.findByText("Excel kan ikke melde ændringer i denne version.")).toBeTruthy();
});

test("centres with goals not met or invalid come first, and within a centre the worst goal first", async () => {
  const host = new FakeHost();
  const waiting = attention({ goalId: "g-2", text: "Venter på tal", status: "missing", row: 9 });
  const failing = attention({ goalId: "g-3", text: "Ikke nået", status: "not_met", row: 14 });
  host.overviewResult = [
    centre({
      code: "A",
      name: "Alfa",
      sheet: "A",
      counts: { met: 1, not_met: 0, missing: 1, invalid: 0 },
      attention: [waiting],
    }),
    centre({
      code: "B",
      name: "Beta",
      sheet: "B",
      counts: { met: 0, not_met: 1, missing: 1, invalid: 0 },
      attention: [waiting, failing],
    }),
  ];
  render(<App host={host} language="da" />);
  await screen.findByTestId("centre-A");
  const order = screen.getAllByTestId(/^centre-/).map((e) => e.getAttribute("data-testid"));
  expect(order).toEqual(["centre-B", "centre-A"]);
  const beta = within(screen.getByTestId("centre-B")).getByRole("list");
  expect(
    within(beta)
      .getAllByRole("button")
      .map((b) => b.textContent),
  ).toEqual(["g-3 Ikke nået", "g-2 Venter på tal"]);
});

test("many goals needing attention: each centre's list is folded, its header says how many, and opens on request", async () => {
  const host = new FakeHost();
  const rows = Array.from({ length: 8 }, (_, i) =>
    attention({
      goalId: `g-${i + 10}`,
      text: `Mål nummer ${i + 10} med en lang tekst fra bilaget`,
      row: 8 + i,
    }),
  );
  host.overviewResult = [centre({ counts: { met: 0, not_met: 8, missing: 0, invalid: 0 }, attention: rows })];
  render(<App host={host} language="da" />);
  const header = await screen.findByRole("button", { name: "8 mål kræver opmærksomhed" });
  expect(header.getAttribute("aria-expanded")).toBe("false");
  expect(screen.queryByRole("button", { name: /g-10 / })).toBeNull();
  // The actions below the overview are not pushed away.
  expect(screen.getByRole("button", { name: "Lav oversigtsark" })).toBeTruthy();
  fireEvent.click(header);
  const goal = await screen.findByRole("button", {
    name: "g-10 Mål nummer 10 med en lang tekst fra bilaget",
  });
  // The whole text and where it leads are on hover.
  expect(goal.getAttribute("title")).toBe(
    "Mål nummer 10 med en lang tekst fra bilaget\nGå til Nyropsgade, række 8",
  );
});

test("the status badges of a centre are a named group, each badge saying its status in words", async () => {
  const host = new FakeHost();
  host.overviewResult = [centre()];
  render(<App host={host} language="da" />);
  const group = await screen.findByRole("group", { name: "Status for Jobcenter Nyropsgade" });
  expect(group.textContent).toBe("Opfyldt: 3Ikke opfyldt: 1Mangler data: 2Ugyldig: 0");
});
