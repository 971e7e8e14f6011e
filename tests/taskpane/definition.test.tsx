/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fakeHost";

const PROBLEM = {
  sheet: "Definition bc-2008",
  cell: "H14",
  message: "Krav skal være et tal, fx 10 % — der står «ti»",
};

async function renderApp(host: FakeHost) {
  render(<App host={host} language="da" />);
  // The panel is its own lazily loaded chunk: the first import takes a moment.
  return screen.findByRole("heading", { name: "Kontraktdefinitioner" }, { timeout: 10_000 });
}

test("lists the definition sheets; a sheet's problems link to their cells", async () => {
  const host = new FakeHost();
  host.definitionSheets = [
    { sheet: "Definition bc-2008", problems: [PROBLEM] },
    {
      sheet: "Definition jc-2008",
      contract: {
        id: "jc-2008",
        title: "Jobcentrene 2008",
        year: 2008,
        centres: [{ code: "CKB", name: "C" }],
      },
      problems: [],
    },
  ];
  await renderApp(host);
  expect(await screen.findByRole("radio", { name: /Definition bc-2008 — 1 problem/ })).toBeTruthy();
  expect(screen.getByRole("radio", { name: /Definition jc-2008 — jc-2008 · 2008 · 1 centre/ })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: /Definition bc-2008!H14: Krav skal være et tal/ }));
  expect(host.calls.selectCell).toEqual([{ sheet: "Definition bc-2008", address: "H14" }]);
});

test("Byg ark builds nothing while the definition has problems, and lists them", async () => {
  const host = new FakeHost();
  host.definitionSheets = [{ sheet: "Definition bc-2008", problems: [] }];
  host.definitionBuild = { kind: "problems", problems: [PROBLEM] };
  await renderApp(host);
  fireEvent.click(await screen.findByRole("button", { name: "Byg ark fra definitionen" }));
  expect(await screen.findByText(/Intet er bygget, før problemerne er rettet/)).toBeTruthy();
  expect(host.calls.buildDefinition).toEqual([
    { sheet: "Definition bc-2008", update: true, carryFromLastYear: false },
  ]);
  expect(host.calls.build).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: /H14/ }));
  expect(host.calls.selectCell).toEqual([{ sheet: "Definition bc-2008", address: "H14" }]);
});

test("building next year's sheets lists what was carried from last year and what was not", async () => {
  const host = new FakeHost();
  host.definitionSheets = [{ sheet: "Definition bc-2008", problems: [] }];
  host.definitionBuild = {
    kind: "built",
    result: { created: [], updated: ["CKB", "CAB"], keptValues: 1 },
    carry: {
      carried: [
        { sheet: "CKB", centre: "CKB", rowId: "bc-p01", fromRowId: "bc-p01", value: 1234, cell: "H20" },
      ],
      notCarried: [{ sheet: "CAB", centre: "CAB", rowId: "bc-p01", reason: "sidste års Resultat er tomt" }],
    },
  };
  await renderApp(host);
  fireEvent.click(await screen.findByRole("checkbox", { name: /sidste års Resultat bliver Grundlag/ }));
  fireEvent.click(screen.getByRole("button", { name: "Byg ark fra definitionen" }));
  const carried = await screen.findByRole("list", {
    name: /Overført fra sidste år \(Resultat → Grundlag\): 1 tal/,
  });
  expect(within(carried).getByText(/CKB bc-p01: 1\.234/)).toBeTruthy();
  const not = screen.getByRole("list", { name: /Ikke overført: 1/ });
  expect(within(not).getByText("CAB bc-p01: sidste års Resultat er tomt")).toBeTruthy();
  expect(host.calls.buildDefinition).toEqual([
    { sheet: "Definition bc-2008", update: true, carryFromLastYear: true },
  ]);
  // The status overview is read again after the build.
  await waitFor(() => expect(host.calls.overview).toBeGreaterThan(1));
});

test("Ny kontrakt: from a built-in, one year on from a definition, or empty", async () => {
  const host = new FakeHost();
  host.definitionSheets = [
    {
      sheet: "Definition jc-2007",
      contract: { id: "jc-2007", title: "Jobcentrene 2007", year: 2007, centres: [] },
      problems: [],
    },
  ];
  await renderApp(host);
  const source = (await screen.findByRole("combobox", {
    name: "Lav et definitionsark",
  })) as HTMLSelectElement;
  const options = within(source)
    .getAllByRole("option")
    .map((o) => o.textContent);
  expect(options[0]).toBe("Kopiér til næste år: Definition jc-2007");
  expect(options).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Fra den indbyggede: Resultatkontrakt for jobcentrene \(2007\)$/),
      expect.stringMatching(/^Tom definition for \d{4}$/),
    ]),
  );

  fireEvent.click(screen.getByRole("button", { name: "Lav definitionsark" }));
  expect(await screen.findByText(/Arket «Definition jc-2007 \(næste år\)» er lavet/)).toBeTruthy();
  expect(host.calls.newDefinition).toEqual([{ kind: "nextYear", sheet: "Definition jc-2007" }]);
  // The new sheet is listed and chosen.
  expect(
    (screen.getByRole("radio", { name: /Definition jc-2007 \(næste år\)/ }) as HTMLInputElement).checked,
  ).toBe(true);

  fireEvent.change(screen.getByRole("combobox", { name: "Lav et definitionsark" }), {
    target: { value: "builtin:sygedagpenge-2007" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Lav definitionsark" }));
  await waitFor(() => expect(host.calls.newDefinition).toHaveLength(2));
  expect(host.calls.newDefinition[1]).toEqual({ kind: "builtin", id: "sygedagpenge-2007" });

  fireEvent.change(screen.getByRole("combobox", { name: "Lav et definitionsark" }), {
    target: { value: "empty" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Lav definitionsark" }));
  await waitFor(() => expect(host.calls.newDefinition).toHaveLength(3));
  expect(host.calls.newDefinition[2]).toMatchObject({ kind: "empty" });
});
